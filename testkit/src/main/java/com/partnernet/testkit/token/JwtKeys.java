package com.partnernet.testkit.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA key pair for signing development and test tokens. Tests generate one per JVM; the local run generates one
 * in its git-ignored state folder on first start and keeps it, so tokens survive restarts. Never used in production,
 * where the services are given the identity provider's public key instead.
 */
public record JwtKeys(PrivateKey privateKey, PublicKey publicKey) {

    public static final String PUBLIC_KEY_FILE = "public.pem";
    public static final String PRIVATE_KEY_FILE = "private.pem";

    public static JwtKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new JwtKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No RSA key generator in this JVM", e);
        }
    }

    /** The pair in {@code folder}, generated and written there first if absent. */
    public static JwtKeys inFolder(Path folder) {
        Path publicFile = folder.resolve(PUBLIC_KEY_FILE);
        Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
        try {
            if (Files.exists(publicFile) && Files.exists(privateFile)) {
                return parse(Files.readString(privateFile), Files.readString(publicFile));
            }
            JwtKeys keys = generate();
            Files.createDirectories(folder);
            Files.writeString(privateFile, keys.privateKeyPem());
            // Only its owner can read the signing key (where the file system has POSIX permissions).
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException noPosix) {
                // Nothing to narrow.
            }
            Files.writeString(publicFile, keys.publicKeyPem());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the development key pair in " + folder, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The development key pair in " + folder
                    + " is unreadable; delete the folder to generate a new one", e);
        }
    }

    /** A pair from its PEM texts (PKCS#8 private key, X.509 public key). */
    public static JwtKeys parse(String privateKeyPem, String publicKeyPem) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new JwtKeys(rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privateKeyPem))),
                    rsa.generatePublic(new X509EncodedKeySpec(der(publicKeyPem))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA key pair in PEM form", e);
        }
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }
}
