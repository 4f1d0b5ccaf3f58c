package com.scalecommerce.users.token;

import com.scalecommerce.users.UsersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM for private signing keys at rest; the kid is bound as associated data so rows cannot be swapped. */
@ApplicationScoped
class KeyEncryption {

    private static final String SETTING = "scalecommerce.users.signing-keys.encryption-key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    KeyEncryption(UsersConfig config) {
        byte[] raw;
        try {
            raw = Base64.getDecoder()
                    .decode(config.signingKeys().encryptionKey().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SETTING + " must be base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException(SETTING + " must be 32 random bytes in base64 (got " + raw.length + ")");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    record Sealed(byte[] nonce, byte[] ciphertext) {}

    Sealed seal(String kid, byte[] plaintext) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, kid, nonce);
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt signing key " + kid, e);
        }
    }

    byte[] open(String kid, byte[] nonce, byte[] ciphertext) {
        try {
            return cipher(Cipher.DECRYPT_MODE, kid, nonce).doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot decrypt signing key " + kid + ": is " + SETTING + " the key it was stored with?", e);
        }
    }

    private Cipher cipher(int mode, String kid, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
