package dev.driftdeck.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the offline filesystem mirror of the hashicorp/aws provider that the Terraform-made fixtures need, instead
 * of assuming one path. {@code TF_PLUGIN_MIRROR} wins when set (and must hold the provider); otherwise the places
 * Terraform itself searches as implied local mirrors on Unix, then {@code /opt/tf-plugins} (where this project's
 * machine kind has it). {@code scripts/make-tfstate-fixtures.sh} searches the same places in the same order.
 */
public final class ProviderMirror {

    static final String PROVIDER = "registry.terraform.io/hashicorp/aws";
    static final Path MACHINE_DEFAULT = Path.of("/opt/tf-plugins");

    private ProviderMirror() {
    }

    /** The mirror directory to use, or an {@link IllegalStateException} that says where it looked and what to set. */
    public static Path find() {
        return find(System.getenv(), Path.of(System.getProperty("user.home")), MACHINE_DEFAULT);
    }

    static Path find(Map<String, String> env, Path home, Path machineDefault) {
        String chosen = env.get("TF_PLUGIN_MIRROR");
        if (chosen != null && !chosen.isBlank()) {
            Path mirror = Path.of(chosen);
            if (holdsProvider(mirror)) {
                return mirror;
            }
            throw new IllegalStateException("TF_PLUGIN_MIRROR=" + chosen + " has no " + PROVIDER
                    + " directory: point it at a filesystem mirror holding the provider (made with 'terraform providers mirror DIR').");
        }
        List<Path> candidates = candidates(env, home, machineDefault);
        Optional<Path> found = candidates.stream().filter(ProviderMirror::holdsProvider).findFirst();
        return found.orElseThrow(() -> new IllegalStateException("No filesystem mirror of " + PROVIDER
                + " found (looked in " + candidates + "). Set TF_PLUGIN_MIRROR to a directory made with"
                + " 'terraform providers mirror DIR'."));
    }

    static List<Path> candidates(Map<String, String> env, Path home, Path machineDefault) {
        List<Path> places = new ArrayList<>();
        places.add(home.resolve(".terraform.d/plugins"));
        String dataHome = env.getOrDefault("XDG_DATA_HOME", home.resolve(".local/share").toString());
        places.add(Path.of(dataHome, "terraform", "plugins"));
        String dataDirs = env.getOrDefault("XDG_DATA_DIRS", "/usr/local/share:/usr/share");
        for (String dir : dataDirs.split(":")) {
            if (!dir.isBlank()) {
                places.add(Path.of(dir, "terraform", "plugins"));
            }
        }
        places.add(machineDefault);
        return List.copyOf(places);
    }

    private static boolean holdsProvider(Path mirror) {
        return Files.isDirectory(mirror.resolve(PROVIDER));
    }
}
