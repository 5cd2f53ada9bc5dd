package dev.trent.server.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Usages and the algorithm lists DescribeKey reports, per key spec (AWS KMS Developer Guide, key spec reference). */
class KeySpecTest {

    private static final List<String> RSA_SIGNING = List.of(
            "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
            "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512");
    private static final List<String> RSA_ENCRYPTION = List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");

    /** spec -> usage -> the one non-empty algorithm list, written "kind=[...]". */
    private static final Map<KeySpec, Map<KeyUsage, String>> EXPECTED = new LinkedHashMap<>();

    static {
        expect(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, "encryption=" + List.of("SYMMETRIC_DEFAULT"));
        for (KeySpec rsa : List.of(KeySpec.RSA_2048, KeySpec.RSA_3072, KeySpec.RSA_4096)) {
            expect(rsa, KeyUsage.ENCRYPT_DECRYPT, "encryption=" + RSA_ENCRYPTION);
            expect(rsa, KeyUsage.SIGN_VERIFY, "signing=" + RSA_SIGNING);
        }
        for (String bits : List.of("224", "256", "384", "512")) {
            expect(KeySpec.valueOf("HMAC_" + bits), KeyUsage.GENERATE_VERIFY_MAC, "mac=[HMAC_SHA_" + bits + "]");
        }
        expect(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY, "signing=[ECDSA_SHA_256]");
        expect(KeySpec.ECC_NIST_P384, KeyUsage.SIGN_VERIFY, "signing=[ECDSA_SHA_384]");
        expect(KeySpec.ECC_NIST_P521, KeyUsage.SIGN_VERIFY, "signing=[ECDSA_SHA_512]");
        for (KeySpec nist : List.of(KeySpec.ECC_NIST_P256, KeySpec.ECC_NIST_P384, KeySpec.ECC_NIST_P521)) {
            expect(nist, KeyUsage.KEY_AGREEMENT, "keyAgreement=[ECDH]");
        }
        expect(KeySpec.ECC_SECG_P256K1, KeyUsage.SIGN_VERIFY, "signing=[ECDSA_SHA_256]");
        expect(KeySpec.ECC_NIST_EDWARDS25519, KeyUsage.SIGN_VERIFY, "signing=[ED25519_SHA_512, ED25519_PH_SHA_512]");
        for (KeySpec mlDsa : List.of(KeySpec.ML_DSA_44, KeySpec.ML_DSA_65, KeySpec.ML_DSA_87)) {
            expect(mlDsa, KeyUsage.SIGN_VERIFY, "signing=[ML_DSA_SHAKE_256]");
        }
        expect(KeySpec.SM2, KeyUsage.ENCRYPT_DECRYPT, "encryption=[SM2PKE]");
        expect(KeySpec.SM2, KeyUsage.SIGN_VERIFY, "signing=[SM2DSA]");
        expect(KeySpec.SM2, KeyUsage.KEY_AGREEMENT, "keyAgreement=[ECDH]");
    }

    private static void expect(KeySpec spec, KeyUsage usage, String algorithms) {
        EXPECTED.computeIfAbsent(spec, s -> new LinkedHashMap<>()).put(usage, algorithms);
    }

    @Test
    void everySpec_allowsExactlyItsUsages_withAwsAlgorithmLists() {
        List<String> failures = new ArrayList<>();
        for (KeySpec spec : KeySpec.values()) {
            Map<KeyUsage, String> usages = EXPECTED.get(spec);
            if (usages == null) {
                failures.add(spec + ": not in the expected table");
                continue;
            }
            for (KeyUsage usage : KeyUsage.values()) {
                String expected = usages.getOrDefault(usage, "none");
                String actual = spec.allows(usage) ? describe(spec, usage) : "none";
                if (!expected.equals(actual)) {
                    failures.add(spec + "/" + usage + ": expected " + expected + ", got " + actual);
                }
                if (!spec.allows(usage) && !describe(spec, usage).equals("none")) {
                    failures.add(spec + "/" + usage + ": algorithms listed for a usage the spec refuses");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void rsaSigningList_isPkcs1First_thenPss_inAwsOrder() {
        assertEquals(RSA_SIGNING, KeySpec.RSA_2048.signingAlgorithms(KeyUsage.SIGN_VERIFY).stream().map(Enum::name).toList());
        assertEquals(RSA_ENCRYPTION,
                KeySpec.RSA_4096.encryptionAlgorithms(KeyUsage.ENCRYPT_DECRYPT).stream().map(Enum::name).toList());
    }

    @Test
    void enums_haveExactlyTheModelsValues() {
        assertEquals(new TreeSet<>(List.of("RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384",
                "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512",
                "SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519")), names(KeySpec.values()));
        assertEquals(new TreeSet<>(List.of("SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT")),
                names(KeyUsage.values()));
        assertEquals(new TreeSet<>(List.of("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE")),
                names(EncryptionAlgorithm.values()));
    }

    @Test
    void customerMasterKeySpec_lacksOnlyTheNewerSpecs() {
        List<String> without = Stream.of(KeySpec.values()).filter(s -> !s.hasCustomerMasterKeySpec()).map(Enum::name).toList();
        assertEquals(List.of("ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519"), without);
        assertTrue(Stream.of(KeySpec.values()).allMatch(KeySpec::supported));
    }

    private static String describe(KeySpec spec, KeyUsage usage) {
        List<String> found = new ArrayList<>();
        add(found, "encryption", spec.encryptionAlgorithms(usage));
        add(found, "signing", spec.signingAlgorithms(usage));
        add(found, "mac", spec.macAlgorithms(usage));
        add(found, "keyAgreement", spec.keyAgreementAlgorithms(usage));
        return found.isEmpty() ? "none" : String.join(" ", found);
    }

    private static void add(List<String> found, String kind, List<? extends Enum<?>> algorithms) {
        if (!algorithms.isEmpty()) {
            found.add(kind + "=" + algorithms.stream().map(Enum::name).toList());
        }
    }

    private static TreeSet<String> names(Enum<?>[] values) {
        TreeSet<String> out = new TreeSet<>();
        for (Enum<?> value : values) {
            out.add(value.name());
        }
        return out;
    }
}
