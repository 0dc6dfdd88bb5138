package org.unaoc.trustfund.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The role the application's pool logs in as: a member of trust_fund_app that owns nothing, so
 * that whatever SQL reaches one of its connections has trust_fund_app's grants and no more (there
 * is no owner to RESET ROLE back to). Either configured (DATABASE_APP_USER, DATABASE_APP_PASSWORD)
 * or generated: the role {@value #GENERATED}, which {@link ApplicationRoleSetUp} creates after the
 * migrations, with a random password kept in DATA_DIR/{@value #PASSWORD_FILE}, readable by its
 * owner only.
 */
record ApplicationRole(String user, String password, boolean generated) {

    static final String GENERATED = "trust_fund_app_login";
    static final String PASSWORD_FILE = "database-app-password";

    static ApplicationRole configured(String user, String password) {
        return new ApplicationRole(user, password, false);
    }

    /** The generated role with the password kept in the data folder, made there on the first start. */
    static ApplicationRole generated(Path dataDirectory) {
        return new ApplicationRole(GENERATED, keptPassword(dataDirectory.resolve(PASSWORD_FILE)), true);
    }

    private static String keptPassword(Path file) {
        try {
            String kept = Files.exists(file) ? Files.readString(file).strip() : "";
            if (kept.isEmpty()) {
                kept = newPassword();
                Files.createDirectories(file.toAbsolutePath().getParent());
                // a temporary file is created rw------- on POSIX; moved into place whole
                Path written = Files.createTempFile(file.toAbsolutePath().getParent(), PASSWORD_FILE, ".new");
                Files.writeString(written, kept + "\n");
                Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            ownerOnly(file);
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the database password of the application in " + file, e);
        }
    }

    /** 256 random bits, URL-safe Base64: 43 characters. */
    private static String newPassword() {
        byte[] bits = new byte[32];
        new SecureRandom().nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Override
    public String toString() {
        return user + (generated ? " (generated)" : "");
    }
}
