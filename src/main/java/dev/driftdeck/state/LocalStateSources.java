package dev.driftdeck.state;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Expands a local state source into the state files it names: a file, a directory (every {@code *.tfstate} under
 * it, local workspaces in {@code terraform.tfstate.d/} included) or a glob such as {@code states/**}{@code /*.tfstate}.
 * Provider caches ({@code .terraform/}) are never searched; backups do not end in {@code .tfstate} and are never
 * picked up.
 */
public final class LocalStateSources {

    private static final String STATE_SUFFIX = ".tfstate";
    private static final String PROVIDER_CACHE = ".terraform";

    private LocalStateSources() {
    }

    /** Resolves {@code uri} against the process's working directory. */
    public static List<Path> resolve(String uri) throws StateException {
        return resolve(uri, Path.of("").toAbsolutePath());
    }

    /**
     * @param uri        a path, directory or glob, optionally prefixed with {@code file://}
     * @param workingDir what relative paths and globs are relative to
     * @return the matching state files, sorted; never empty
     */
    public static List<Path> resolve(String uri, Path workingDir) throws StateException {
        String path = uri.startsWith("file://") ? uri.substring("file://".length()) : uri;
        if (isGlob(path)) {
            return glob(uri, path, workingDir);
        }
        Path file = workingDir.resolve(path);
        if (Files.isDirectory(file)) {
            List<Path> states = walk(file, f -> f.getFileName().toString().endsWith(STATE_SUFFIX), uri);
            if (states.isEmpty()) {
                throw new StateException("State directory " + file + " holds no *" + STATE_SUFFIX
                        + " file: point the source at the directory Terraform runs in, or at the file itself.");
            }
            return states;
        }
        if (!Files.isRegularFile(file)) {
            throw new StateException("State file " + file + " does not exist: check the path or remove the source.");
        }
        return List.of(file);
    }

    private static List<Path> glob(String uri, String pattern, Path workingDir) throws StateException {
        Path base = workingDir.resolve(literalPrefix(pattern));
        String absolutePattern = workingDir.resolve(pattern).normalize().toString();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolutePattern);
        // As in a shell with globstar, "**/" also matches no directory at all: states/**/*.tfstate finds
        // states/prod.tfstate too, which Java's glob alone would not.
        PathMatcher flat = FileSystems.getDefault().getPathMatcher("glob:" + absolutePattern.replace("**/", ""));
        List<Path> states = Files.isDirectory(base)
                ? walk(base, f -> matcher.matches(f.normalize()) || flat.matches(f.normalize()), uri)
                : List.of();
        if (states.isEmpty()) {
            throw new StateException("State glob " + uri + " matches no file (searched under " + base
                    + "): check the pattern; ** matches any number of directories.");
        }
        return states;
    }

    private static List<Path> walk(Path root, Predicate<Path> wanted, String uri) throws StateException {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(PROVIDER_CACHE)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && wanted.test(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new StateException("State source " + uri + ": cannot list " + root + " (" + e.getMessage()
                    + "): check its permissions.", e);
        }
        return found.stream().sorted().toList();
    }

    private static boolean isGlob(String path) {
        return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The directories before the first segment holding a glob character: where the walk starts. */
    private static String literalPrefix(String pattern) {
        int firstGlob = 0;
        while (firstGlob < pattern.length() && "*?[{".indexOf(pattern.charAt(firstGlob)) < 0) {
            firstGlob++;
        }
        int lastSeparator = pattern.lastIndexOf('/', firstGlob);
        return lastSeparator < 0 ? "" : pattern.substring(0, lastSeparator + 1);
    }
}
