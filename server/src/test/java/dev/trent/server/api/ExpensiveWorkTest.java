package dev.trent.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which requests go to the expensive lane. */
class ExpensiveWorkTest {

    private static final Map<String, Boolean> CASES = Map.ofEntries(
            Map.entry("CreateKey {}", false),
            Map.entry("CreateKey {\"KeySpec\":\"SYMMETRIC_DEFAULT\"}", false),
            Map.entry("CreateKey {\"KeySpec\":\"HMAC_256\",\"KeyUsage\":\"GENERATE_VERIFY_MAC\"}", false),
            Map.entry("CreateKey {\"KeySpec\":\"RSA_4096\",\"KeyUsage\":\"SIGN_VERIFY\"}", true),
            Map.entry("CreateKey {\"CustomerMasterKeySpec\":\"RSA_2048\",\"KeyUsage\":\"ENCRYPT_DECRYPT\"}", true),
            Map.entry("CreateKey {\"KeySpec\":\"ECC_NIST_P256\",\"KeyUsage\":\"SIGN_VERIFY\"}", true),
            Map.entry("CreateKey {\"KeySpec\":\"ML_DSA_87\",\"KeyUsage\":\"SIGN_VERIFY\"}", true),
            Map.entry("CreateKey {\"Origin\":\"AWS_CLOUDHSM\",\"CustomKeyStoreId\":\"cks-1234567890abcdef0\"}", true),
            Map.entry("CreateKey {\"KeySpec\":", false),
            Map.entry("CreateKey [\"RSA_4096\"]", false),
            Map.entry("GenerateDataKeyPair {\"KeyId\":\"k\",\"KeyPairSpec\":\"RSA_3072\"}", true),
            Map.entry("GenerateDataKeyPairWithoutPlaintext {\"KeyId\":\"k\",\"KeyPairSpec\":\"RSA_2048\"}", true),
            Map.entry("GenerateDataKeyPair {\"KeyId\":\"k\",\"KeyPairSpec\":\"ECC_NIST_P256\"}", false),
            Map.entry("ImportKeyMaterial {}", true),
            Map.entry("GetParametersForImport {}", true),
            Map.entry("ReplicateKey {}", true),
            Map.entry("ConnectCustomKeyStore {}", true),
            Map.entry("CreateCustomKeyStore {}", true),
            Map.entry("GenerateRandom {\"NumberOfBytes\":32}", false),
            Map.entry("Encrypt {\"KeyId\":\"k\",\"Plaintext\":\"AA==\"}", false),
            Map.entry("Sign {}", false));

    @Test
    void keyPairGeneration_importsReplicationAndKeyStoreWork_areExpensive_theRestIsNot() {
        List<String> wrong = new ArrayList<>();
        CASES.forEach((request, expensive) -> {
            int space = request.indexOf(' ');
            boolean actual = ExpensiveWork.isExpensive("TrentService." + request.substring(0, space),
                    request.substring(space + 1).getBytes(StandardCharsets.UTF_8));
            if (actual != expensive) {
                wrong.add(request);
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void unknownTargets_andEmptyBodies_areNotExpensive() {
        assertEquals(false, ExpensiveWork.isExpensive(null, new byte[0]));
        assertEquals(false, ExpensiveWork.isExpensive("KMS.ImportKeyMaterial", new byte[0]));
        assertEquals(false, ExpensiveWork.isExpensive("TrentService.CreateKey", new byte[0]));
    }
}
