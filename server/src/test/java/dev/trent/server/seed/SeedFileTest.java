package dev.trent.server.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.Origin;
import dev.trent.server.key.lifecycle.KeyState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading seed files of both formats, and errors that name the file, line and column. */
class SeedFileTest {

    private static final Path YAML = Path.of("seed.yaml");
    private static final String AES_A = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String AES_B = "HxwdHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=";

    @Test
    void trentFormat_readsEverySetting_withFileDefaultsAndPerKeyOverrides() {
        Seed seed = SeedFile.parse(YAML, """
                account: "111122223333"
                region: eu-west-1
                keys:
                  - id: 11111111-2222-3333-4444-555555555555
                    description: orders
                    material: [%s, %s]
                    aliases: [alias/orders, alias/orders-v2]
                    tags: {team: payments}
                    rotationPeriodInDays: 180
                    grants:
                      - name: app
                        granteePrincipal: arn:aws:iam::111122223333:role/app
                        operations: [Encrypt, Decrypt]
                    policy:
                      Version: "2012-10-17"
                      Statement:
                        - Effect: Allow
                          Principal: {AWS: "arn:aws:iam::111122223333:root"}
                          Action: "kms:*"
                          Resource: "*"
                  - id: 22222222-2222-3333-4444-555555555555
                    region: us-west-2
                    spec: HMAC_256
                    state: PendingDeletion
                    pendingWindowInDays: 7
                """.formatted(AES_A, AES_B));

        assertEquals(2, seed.keys().size());
        Seed.Key orders = seed.keys().get(0);
        assertEquals("111122223333", orders.account());
        assertEquals("eu-west-1", orders.region());
        assertEquals("orders", orders.preset().request().description());
        assertEquals(2, orders.preset().materials().size());
        assertEquals(Map.of("team", "payments"), orders.preset().request().tags());
        assertEquals(180, orders.preset().rotationPeriodInDays());
        assertEquals(1, orders.preset().grants().size());
        assertTrue(orders.policy().startsWith("{\"Version\":\"2012-10-17\""), orders.policy());
        assertEquals(4, orders.at().line());

        Seed.Key hmac = seed.keys().get(1);
        assertEquals("111122223333", hmac.account());
        assertEquals("us-west-2", hmac.region());
        assertEquals(KeySpec.HMAC_256, hmac.preset().request().spec());
        assertEquals(KeyUsage.GENERATE_VERIFY_MAC, hmac.preset().request().usage());
        assertEquals(KeyState.PendingDeletion, hmac.preset().state());
        assertEquals(7, hmac.preset().pendingWindowInDays());
        assertTrue(hmac.preset().materials().isEmpty());

        assertEquals(List.of("alias/orders", "alias/orders-v2"),
                seed.aliases().stream().map(a -> a.name().value()).toList());
        assertEquals("eu-west-1", seed.aliases().get(0).region());
    }

    @Test
    void trentFormat_asJson_andAccountsKeepTheirLeadingZeros() {
        Seed seed = SeedFile.parse(Path.of("seed.json"), """
                {"account": "000000000042", "keys": [{"id": "11111111-2222-3333-4444-555555555555"}]}
                """);

        assertEquals("000000000042", seed.keys().get(0).account());
        assertNull(seed.keys().get(0).region());
    }

    @Test
    void trentFormat_pemMaterial_inPkcs8AndTraditionalForm() {
        String rsa = SeedKeys.pkcs8Pem(SeedKeys.rsa2048());
        String ec = SeedKeys.traditionalPem(SeedKeys.p256());
        Seed seed = SeedFile.parse(YAML, """
                keys:
                  - id: 11111111-2222-3333-4444-555555555555
                    spec: RSA_2048
                    usage: SIGN_VERIFY
                    material: |
                %s
                  - id: 22222222-2222-3333-4444-555555555555
                    spec: ECC_NIST_P256
                    usage: SIGN_VERIFY
                    material: |
                %s
                """.formatted(SeedKeys.indented(rsa, 6), SeedKeys.indented(ec, 6)));

        assertEquals(2, seed.keys().size());
        assertEquals(1, seed.keys().get(1).preset().materials().size());
    }

    @Test
    void localKmsFormat_readsAesHmacRsaEccAndAliases() {
        String rsa = SeedKeys.traditionalPem(SeedKeys.rsa2048());
        String ec = SeedKeys.traditionalPem(SeedKeys.p256());
        String aes = "00".repeat(32);
        String aesNext = "01".repeat(32);
        Seed seed = SeedFile.parse(YAML, """
                Keys:
                  Symmetric:
                    Aes:
                      - Metadata:
                          KeyId: bc436485-5092-42b8-92a3-0aa8b93536dc
                          Description: rotated twice
                        NextKeyRotation: "2030-01-01T00:00:00Z"
                        BackingKeys:
                          - %s
                          - %s
                    Hmac:
                      - Metadata:
                          KeyId: 9e1c3c2a-6a5d-4c2f-9d1e-1f2a3b4c5d6e
                          KeySpec: HMAC_384
                        BackingKeys:
                          - %s
                  Asymmetric:
                    Rsa:
                      - Metadata:
                          KeyId: ff275b92-0def-4dfc-b0f6-87c96b26c6c7
                          KeyUsage: ENCRYPT_DECRYPT
                        PrivateKeyPem: |
                %s
                    Ecc:
                      - Metadata:
                          KeyId: 800d5768-3fd7-4edd-a4b8-4c81c3e4c147
                        PrivateKeyPem: |
                %s
                Aliases:
                  - AliasName: alias/testing
                    TargetKeyId: bc436485-5092-42b8-92a3-0aa8b93536dc
                """.formatted(aes, aesNext, "02".repeat(48), SeedKeys.indented(rsa, 10), SeedKeys.indented(ec, 10)));

        assertEquals(4, seed.keys().size());
        Seed.Key aesKey = seed.keys().get(0);
        assertEquals(2, aesKey.preset().materials().size());
        assertEquals(365, aesKey.preset().rotationPeriodInDays());
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), aesKey.preset().nextRotationDate());
        assertEquals(KeySpec.HMAC_384, seed.keys().get(1).preset().request().spec());
        assertEquals(KeySpec.RSA_2048, seed.keys().get(2).preset().request().spec());
        assertEquals(KeyUsage.ENCRYPT_DECRYPT, seed.keys().get(2).preset().request().usage());
        assertEquals(KeySpec.ECC_NIST_P256, seed.keys().get(3).preset().request().spec());
        assertEquals(KeyUsage.SIGN_VERIFY, seed.keys().get(3).preset().request().usage());
        assertEquals(Origin.AWS_KMS, seed.keys().get(3).preset().request().origin());
        assertEquals("alias/testing", seed.aliases().get(0).name().value());
        assertNull(seed.aliases().get(0).account());
    }

    @Test
    void localKmsFormat_externalKeyWithoutBackingKey_waitsForImport() {
        Seed seed = SeedFile.parse(YAML, """
                Keys:
                  Symmetric:
                    Aes:
                      - Metadata:
                          KeyId: 5d05267f-bb87-4d0b-8594-295a4371d414
                          Origin: EXTERNAL
                """);

        assertEquals(Origin.EXTERNAL, seed.keys().get(0).preset().request().origin());
        assertTrue(seed.keys().get(0).preset().materials().isEmpty());
    }

    @Test
    void errors_nameFileLineAndColumn() {
        assertError("seed file seed.yaml, line 4, column 15: material is not valid for a SYMMETRIC_DEFAULT key: "
                + "symmetric key material must be 32 bytes", """
                keys:
                  - id: 11111111-2222-3333-4444-555555555555
                    description: short
                    material: c2hvcnQ=
                """);
        assertError("seed file seed.yaml, line 2, column 9: 'not-an-id' is not a key id", """
                keys:
                  - id: not-an-id
                """);
        assertError("seed file seed.yaml, line 3, column 13: unknown field 'colour' in a key", """
                keys:
                  - id: 11111111-2222-3333-4444-555555555555
                    colour: blue
                """);
        assertError("seed file seed.yaml, line 3, column 12: 'Paused' is not a key state", """
                keys:
                  - id: 11111111-2222-3333-4444-555555555555
                    state: Paused
                """);
        assertError("seed file seed.yaml, line 2, column 5: a RSA_2048 key needs a key usage", """
                keys:
                  - id: 11111111-2222-3333-4444-555555555555
                    spec: RSA_2048
                """);
        assertError("seed file seed.yaml, line 9, column 23: a backing key must be hex", """
                Keys:
                  Symmetric:
                    Aes:
                      - Metadata:
                          KeyId: bc436485-5092-42b8-92a3-0aa8b93536dc
                        BackingKeys:
                          - %s
                      - Metadata: {KeyId: 49c5492b-b1bc-42a8-9a5c-b2015e810c1c}
                        BackingKeys: [xyz]
                """.formatted("00".repeat(32)));
        assertError("seed file seed.yaml, line 2, column", """
                keys:
                  - id: [unclosed
                """);
    }

    private static void assertError(String expectedStart, String yaml) {
        SeedException e = assertThrows(SeedException.class, () -> SeedFile.parse(YAML, yaml));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
