package dev.trent.server.policy;

import static dev.trent.server.policy.Conditions.holds;
import static dev.trent.server.policy.Conditions.with;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoolNullIpArnOperatorsTest {

    @Test
    void bool_comparesTruthIgnoringCase() {
        assertTrue(holds("Bool", "aws:SecureTransport", List.of("true"), with("aws:SecureTransport", "TRUE")));
        assertFalse(holds("Bool", "aws:SecureTransport", List.of("true"), with("aws:SecureTransport", "false")));
        assertFalse(holds("Bool", "aws:SecureTransport", List.of("yes"), with("aws:SecureTransport", "yes")));
        assertFalse(holds("Bool", "aws:SecureTransport", List.of("true"), ContextKeys.EMPTY));
    }

    @Test
    void null_true_meansAbsent_false_meansPresent() {
        ContextKeys present = with("kms:ViaService", "ec2.us-west-2.amazonaws.com");
        assertTrue(holds("Null", "kms:ViaService", List.of("true"), ContextKeys.EMPTY));
        assertFalse(holds("Null", "kms:ViaService", List.of("true"), present));
        assertTrue(holds("Null", "kms:ViaService", List.of("false"), present));
        assertFalse(holds("Null", "kms:ViaService", List.of("false"), ContextKeys.EMPTY));
    }

    @Test
    void ipAddress_cidrV4() {
        assertTrue(holds("IpAddress", "aws:SourceIp", List.of("203.0.113.0/24"), with("aws:SourceIp", "203.0.113.7")));
        assertFalse(holds("IpAddress", "aws:SourceIp", List.of("203.0.113.0/24"), with("aws:SourceIp", "203.0.114.7")));
        assertTrue(holds("IpAddress", "aws:SourceIp", List.of("10.0.0.1"), with("aws:SourceIp", "10.0.0.1")));
        assertFalse(holds("IpAddress", "aws:SourceIp", List.of("10.0.0.1"), with("aws:SourceIp", "10.0.0.2")));
        assertTrue(holds("IpAddress", "aws:SourceIp", List.of("0.0.0.0/0"), with("aws:SourceIp", "192.0.2.1")));
    }

    @Test
    void ipAddress_cidrV6_andFamiliesDoNotMix() {
        ContextKeys v6 = with("aws:SourceIp", "2001:db8:1234:5678::1");
        assertTrue(holds("IpAddress", "aws:SourceIp", List.of("2001:DB8:1234:5678::/64"), v6));
        assertFalse(holds("IpAddress", "aws:SourceIp", List.of("2001:DB8:1234:5679::/64"), v6));
        assertFalse(holds("IpAddress", "aws:SourceIp", List.of("0.0.0.0/0"), v6));
        assertTrue(holds("IpAddress", "aws:SourceIp", List.of("203.0.113.0/24", "2001:DB8::/32"), v6));
    }

    @Test
    void notIpAddress_outsideEveryRange() {
        ContextKeys ip = with("aws:SourceIp", "198.51.100.9");
        assertTrue(holds("NotIpAddress", "aws:SourceIp", List.of("203.0.113.0/24"), ip));
        assertFalse(holds("NotIpAddress", "aws:SourceIp", List.of("203.0.113.0/24", "198.51.100.0/24"), ip));
    }

    @Test
    void arnLike_matchesPartByPart() {
        String key = "aws:PrincipalArn";
        ContextKeys role = with(key, "arn:aws:iam::111122223333:role/Signer");
        assertTrue(holds("ArnLike", key, List.of("arn:aws:iam::111122223333:role/*"), role));
        assertTrue(holds("ArnEquals", key, List.of("arn:aws:iam::*:role/Signer"), role));
        assertFalse(holds("ArnLike", key, List.of("arn:aws:iam::444455556666:role/*"), role));
        assertFalse(holds("ArnLike", key, List.of("arn:aws:iam::111122223333:role/signer"), role));
        assertTrue(holds("ArnNotLike", key, List.of("arn:aws:iam::111122223333:user/*"), role));
        assertFalse(holds("ArnNotEquals", key, List.of("arn:aws:iam::111122223333:role/Signer"), role));
    }

    /** AWS's own example: StringLike lets * cross colons, ArnLike does not. */
    @Test
    void arnLike_starStaysWithinItsPart_unlikeStringLike() {
        String pattern = "arn:aws:someservice:*:111122223333:finance/*";
        ContextKeys value = with("aws:SourceArn",
                "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt");
        assertTrue(holds("StringLike", "aws:SourceArn", List.of(pattern), value));
        assertFalse(holds("ArnLike", "aws:SourceArn", List.of(pattern), value));
    }

    @Test
    void binaryEquals_comparesDecodedBytes() {
        assertTrue(holds("BinaryEquals", "k", List.of("QmluYXJ5"), with("k", "QmluYXJ5")));
        assertFalse(holds("BinaryEquals", "k", List.of("QmluYXJ5"), with("k", "QmluYXJz")));
    }
}
