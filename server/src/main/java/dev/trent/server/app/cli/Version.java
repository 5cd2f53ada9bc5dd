package dev.trent.server.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Trent's version: the jar manifest's {@code Implementation-Version}, else the version Maven recorded in
 * {@code META-INF/maven/dev.trent/trent-server/pom.properties}, else {@code dev} (classes run from an IDE).
 */
public final class Version implements IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/dev.trent/trent-server/pom.properties";

    public static String current() {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        try (InputStream in = Version.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                String fromPom = pom.getProperty("version");
                if (fromPom != null && !fromPom.isBlank()) {
                    return fromPom;
                }
            }
        } catch (IOException unreadable) {
            // fall through: a version string is not worth failing for
        }
        return "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"trent " + current()};
    }
}
