package dev.trent.server.key;

import java.time.Instant;

/**
 * A key's rotation settings: the automatic rotation period and the next automatic rotation (both null while
 * automatic rotation is off), and how many on-demand rotations it has had (AWS allows 25).
 */
public record Rotation(Integer periodInDays, Instant nextRotationDate, int onDemandRotations) {

    public static final Rotation NONE = new Rotation(null, null, 0);

    public Rotation {
        if ((periodInDays == null) != (nextRotationDate == null)) {
            throw new IllegalArgumentException("a rotation period comes with a next rotation date");
        }
    }

    public boolean automatic() {
        return periodInDays != null;
    }

    public Rotation enabled(int days, Instant next) {
        return new Rotation(days, next, onDemandRotations);
    }

    public Rotation disabled() {
        return new Rotation(null, null, onDemandRotations);
    }

    public Rotation afterOnDemandRotation() {
        return new Rotation(periodInDays, nextRotationDate, onDemandRotations + 1);
    }
}
