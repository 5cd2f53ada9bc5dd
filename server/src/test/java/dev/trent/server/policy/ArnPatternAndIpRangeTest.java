package dev.trent.server.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArnPatternAndIpRangeTest {

    private static final String KEY = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void arn_star_alone_coversEverything() {
        assertTrue(ArnPattern.matches("*", KEY));
        assertTrue(ArnPattern.matches("*", "arn:aws:kms:us-west-2:111122223333:*"));
    }

    @Test
    void arn_wildcardsPerPart() {
        assertTrue(ArnPattern.matches("arn:aws:kms:*:111122223333:key/*", KEY));
        assertTrue(ArnPattern.matches("arn:aws:kms:us-west-?:111122223333:key/1234abcd-*", KEY));
        assertFalse(ArnPattern.matches("arn:aws:kms:*:444455556666:key/*", KEY));
        assertFalse(ArnPattern.matches("arn:aws:kms:us-west-2:111122223333:alias/*", KEY));
        assertFalse(ArnPattern.matches("arn:aws:kms:us-west-2:111122223333", KEY));
    }

    @Test
    void arn_caseSensitive() {
        assertFalse(ArnPattern.matches(KEY.toUpperCase(), KEY));
    }

    @Test
    void arn_resourcePartKeepsItsColons() {
        assertTrue(ArnPattern.matches("arn:aws:logs:*:*:log-group:app:*", "arn:aws:logs:us-east-1:1:log-group:app:x"));
    }

    @Test
    void ipRange_rejectsWhatIsNotAnAddress() {
        assertNull(IpRange.parse("example.com"));
        assertNull(IpRange.parse("10.0.0.0/33"));
        assertNull(IpRange.parse("300.0.0.1"));
        assertNull(IpRange.parse("10.0.0.0/x"));
        assertFalse(IpRange.parse("10.0.0.0/8").contains("not-an-ip"));
    }

    @Test
    void ipRange_prefixBoundaries() {
        assertTrue(IpRange.parse("10.0.0.0/8").contains("10.255.255.255"));
        assertFalse(IpRange.parse("10.0.0.0/8").contains("11.0.0.0"));
        assertTrue(IpRange.parse("::/0").contains("2001:db8::1"));
        assertTrue(IpRange.parse("2001:db8::1").contains("2001:DB8:0:0:0:0:0:1"));
    }
}
