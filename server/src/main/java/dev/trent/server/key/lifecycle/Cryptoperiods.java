package dev.trent.server.key.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A key's cryptoperiods (NIST SP 800-57 Part 1, 5.3), counted from the key's creation: after the
 * originator-usage period the key may no longer apply protection (encrypt, sign, MAC, derive); after the
 * recipient-usage period it may no longer process (decrypt, verify). Either may be absent. The recipient-usage
 * period never ends before the originator-usage period, as SP 800-57 requires.
 */
public record Cryptoperiods(Duration originatorUsage, Duration recipientUsage) {

    public Cryptoperiods {
        if (originatorUsage == null && recipientUsage == null) {
            throw new IllegalArgumentException("cryptoperiods need an originator-usage or a recipient-usage period");
        }
        if (originatorUsage != null && (originatorUsage.isNegative() || originatorUsage.isZero())) {
            throw new IllegalArgumentException("the originator-usage period must be positive");
        }
        if (recipientUsage != null && (recipientUsage.isNegative() || recipientUsage.isZero())) {
            throw new IllegalArgumentException("the recipient-usage period must be positive");
        }
        if (originatorUsage != null && recipientUsage != null && recipientUsage.compareTo(originatorUsage) < 0) {
            throw new IllegalArgumentException("the recipient-usage period cannot end before the originator-usage period");
        }
    }

    /** When a key created at {@code created} stops protecting, if ever. */
    public Optional<Instant> originatorUsageEnds(Instant created) {
        return Optional.ofNullable(originatorUsage).map(created::plus);
    }

    /** When a key created at {@code created} stops processing, if ever. */
    public Optional<Instant> recipientUsageEnds(Instant created) {
        return Optional.ofNullable(recipientUsage).map(created::plus);
    }
}
