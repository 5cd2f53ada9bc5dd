package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsErrorType;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.InvalidGrantTokenException;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * The GrantTokens member of every operation that has one: a token Trent minted is accepted; anything else (not
 * a token at all, or a real token with one character changed, so its MAC fails) is refused with
 * InvalidGrantTokenException before the operation acts; and a request that also breaks the model's constraints
 * gets the ValidationException first.
 */
class GrantTokenTest extends TrentTestBase {

    private static final String GRANTEE = "arn:aws:iam::" + ACCOUNT + ":role/token-holder";

    private KeyMetadata symmetric;
    private KeyMetadata signing;
    private KeyMetadata hmac;
    private KeyMetadata agreement;
    private SdkBytes ciphertext;
    private SdkBytes signature;
    private SdkBytes mac;
    private byte[] peerPublicKey;
    private String minted;

    @BeforeAll
    void createKeys() throws Exception {
        symmetric = newSymmetricKey();
        signing = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        hmac = newKey(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);
        agreement = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.KEY_AGREEMENT);
        ciphertext = kms.encrypt(b -> b.keyId(symmetric.keyId()).plaintext(utf8("token"))).ciphertextBlob();
        signature = kms.sign(b -> b.keyId(signing.keyId()).message(utf8("token"))
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature();
        mac = kms.generateMac(b -> b.keyId(hmac.keyId()).message(utf8("token"))
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).mac();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        peerPublicKey = generator.generateKeyPair().getPublic().getEncoded();
        minted = kms.createGrant(b -> b.keyId(symmetric.keyId()).granteePrincipal(GRANTEE)
                .operations(GrantOperation.DECRYPT)).grantToken();
    }

    /** Every operation with a GrantTokens member, called with {@code tokens}. */
    private Map<String, Runnable> callsWith(List<String> tokens) {
        Map<String, Runnable> calls = new LinkedHashMap<>();
        String id = symmetric.keyId();
        calls.put("Encrypt", () -> kms.encrypt(b -> b.keyId(id).plaintext(utf8("x")).grantTokens(tokens)));
        calls.put("Decrypt", () -> kms.decrypt(b -> b.ciphertextBlob(ciphertext).grantTokens(tokens)));
        calls.put("ReEncrypt", () -> kms.reEncrypt(b -> b.ciphertextBlob(ciphertext).destinationKeyId(id)
                .grantTokens(tokens)));
        calls.put("GenerateDataKey", () -> kms.generateDataKey(b -> b.keyId(id).numberOfBytes(16).grantTokens(tokens)));
        calls.put("GenerateDataKeyWithoutPlaintext", () -> kms.generateDataKeyWithoutPlaintext(b -> b.keyId(id)
                .numberOfBytes(16).grantTokens(tokens)));
        calls.put("GenerateDataKeyPair", () -> kms.generateDataKeyPair(b -> b.keyId(id)
                .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).grantTokens(tokens)));
        calls.put("GenerateDataKeyPairWithoutPlaintext", () -> kms.generateDataKeyPairWithoutPlaintext(b -> b.keyId(id)
                .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).grantTokens(tokens)));
        calls.put("DescribeKey", () -> kms.describeKey(b -> b.keyId(id).grantTokens(tokens)));
        calls.put("GetPublicKey", () -> kms.getPublicKey(b -> b.keyId(signing.keyId()).grantTokens(tokens)));
        calls.put("Sign", () -> kms.sign(b -> b.keyId(signing.keyId()).message(utf8("token"))
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).grantTokens(tokens)));
        calls.put("Verify", () -> kms.verify(b -> b.keyId(signing.keyId()).message(utf8("token")).signature(signature)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).grantTokens(tokens)));
        calls.put("GenerateMac", () -> kms.generateMac(b -> b.keyId(hmac.keyId()).message(utf8("token"))
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).grantTokens(tokens)));
        calls.put("VerifyMac", () -> kms.verifyMac(b -> b.keyId(hmac.keyId()).message(utf8("token")).mac(mac)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).grantTokens(tokens)));
        calls.put("DeriveSharedSecret", () -> kms.deriveSharedSecret(b -> b.keyId(agreement.keyId())
                .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(sdk(peerPublicKey))
                .grantTokens(tokens)));
        calls.put("CreateGrant", () -> kms.createGrant(b -> b.keyId(id).granteePrincipal(GRANTEE)
                .operations(GrantOperation.ENCRYPT).grantTokens(tokens)));
        return calls;
    }

    /** A token of the right form whose MAC no longer verifies: one character in its middle changed. */
    private static String tampered(String token) {
        int i = token.length() / 2;
        char changed = token.charAt(i) == 'A' ? 'B' : 'A';
        return token.substring(0, i) + changed + token.substring(i + 1);
    }

    @Test
    void everyOperation_acceptsATokenTrentMinted() {
        callsWith(List.of(minted)).forEach((operation, call) -> call.run());
    }

    @Test
    void everyOperation_refusesTokensTrentDidNotMint() {
        String forged = tampered(minted);
        assertNotEquals(minted, forged);
        for (List<String> tokens : List.of(List.of("not-a-grant-token"), List.of(forged), List.of(minted, "AAAA"))) {
            callsWith(tokens).forEach((operation, call) ->
                    assertKmsErrorType(InvalidGrantTokenException.class, call::run));
        }
    }

    @Test
    void aRefusedToken_stopsTheOperationBeforeItActs() {
        int grantsBefore = kms.listGrants(b -> b.keyId(symmetric.keyId())).grants().size();

        assertKmsErrorType(InvalidGrantTokenException.class, () -> kms.createGrant(b -> b.keyId(symmetric.keyId())
                .granteePrincipal(GRANTEE).operations(GrantOperation.SIGN).grantTokens("forged")));
        assertKmsErrorType(InvalidGrantTokenException.class, () -> kms.encrypt(b -> b.keyId(symmetric.keyId())
                .plaintext(utf8("x")).grantTokens("forged").dryRun(true)));

        assertEquals(grantsBefore, kms.listGrants(b -> b.keyId(symmetric.keyId())).grants().size(),
                "a refused CreateGrant made a grant");
    }

    @Test
    void modelViolations_comeBeforeTheTokenCheck() {
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("forged");
        }
        Consumer<Runnable> validationFirst = call -> assertUnmodeledErrorCode("ValidationException", call::run);
        validationFirst.accept(() -> kms.encrypt(b -> b.keyId("").plaintext(utf8("x")).grantTokens("forged")));
        validationFirst.accept(() -> kms.describeKey(b -> b.keyId(symmetric.keyId()).grantTokens(eleven)));
    }
}
