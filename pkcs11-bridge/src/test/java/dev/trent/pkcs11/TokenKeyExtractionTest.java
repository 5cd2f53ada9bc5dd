package dev.trent.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.InvalidKeyException;
import java.security.spec.InvalidKeySpecException;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A key Trent makes in a token stays there: the token says so, and every way to get its value out fails. */
class TokenKeyExtractionTest {

    private SoftHsmToken softHsm;
    private Pkcs11Token token;
    private TokenKey key;

    @BeforeEach
    void keyInANewToken() {
        softHsm = SoftHsmToken.create();
        token = Pkcs11Token.open(softHsm.library(), softHsm.label(), softHsm.pin());
        key = token.createKey("root");
    }

    @AfterEach
    void deleteToken() {
        // Null when SoftHSM2 is missing and the test was skipped.
        if (token != null) {
            token.close();
        }
        if (softHsm != null) {
            softHsm.close();
        }
    }

    @Test
    void attributes_asTheTokenReportsThem_sayStoredSensitiveAndNeverExtractable() {
        KeyAttributes attributes = key.attributes();

        assertTrue(attributes.tokenObject(), attributes.toString());
        assertTrue(attributes.sensitive(), attributes.toString());
        assertFalse(attributes.extractable(), attributes.toString());
        assertTrue(attributes.alwaysSensitive(), attributes.toString());
        assertTrue(attributes.neverExtractable(), attributes.toString());
        assertTrue(attributes.aes(), attributes.toString());
        assertEquals(32, attributes.valueBytes());
    }

    @Test
    void key_canNeitherWrapUnwrapNorDerive_soNoOtherKeyCarriesItsSecretOut() {
        // CKA_WRAP, CKA_UNWRAP and CKA_DERIVE, from pkcs11t.h.
        long wrap = 0x0106L;
        long unwrap = 0x0107L;
        long derive = 0x010CL;

        Object[] values = token.cryptoki().secretKeyAttributes(token.slot(), "root", wrap, unwrap, derive).get(0);

        assertEquals(List.of(false, false, false), List.of(values), "CKA_WRAP, CKA_UNWRAP, CKA_DERIVE");
    }

    @Test
    void readingTheValueAttribute_isRefusedByTheToken() {
        Pkcs11Exception e = assertThrows(Pkcs11Exception.class, () -> token.cryptoki().secretKeyAttributes(
                token.slot(), "root", Pkcs11Constants.CKA_VALUE));

        assertEquals(Pkcs11Constants.CKR_ATTRIBUTE_SENSITIVE, Cryptoki.errorCode(e).orElseThrow(), e.getMessage());
    }

    @Test
    void javaKeyObject_hasNoEncodingAndNoFormat() {
        SecretKey jcaKey = key.jcaKey();

        assertNull(jcaKey.getEncoded());
        assertNull(jcaKey.getFormat());
    }

    @Test
    void exportingThroughTheTokensKeyFactory_fails() throws Exception {
        SecretKeyFactory factory = SecretKeyFactory.getInstance("AES", token.provider());

        assertThrows(InvalidKeySpecException.class, () -> factory.getKeySpec(key.jcaKey(), SecretKeySpec.class));
    }

    @Test
    void wrappingItOutWithASoftwareKey_fails() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        Cipher wrapper = Cipher.getInstance("AESWrap");
        wrapper.init(Cipher.WRAP_MODE, generator.generateKey());

        assertThrows(InvalidKeyException.class, () -> wrapper.wrap(key.jcaKey()));
    }
}
