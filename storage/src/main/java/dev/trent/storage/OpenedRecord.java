package dev.trent.storage;

/** A record opened by {@link Storage#openAll}: its plaintext, or (with null value) why it did not open. */
public record OpenedRecord(byte[] value, String failure) {

    static OpenedRecord of(byte[] value) {
        return new OpenedRecord(value, null);
    }

    static OpenedRecord failed(String failure) {
        return new OpenedRecord(null, failure);
    }
}
