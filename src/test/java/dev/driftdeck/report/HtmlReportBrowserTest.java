package dev.driftdeck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.testing.RequiredTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: Debian's headless chromium loads a generated report with filters in the URL
 * hash (the same code path as typing in the search box and picking a status), and we read the DOM it rendered.
 * A screenshot lands in {@code target/html-report-screenshot.png} for a human to look at.
 * {@code .ci/run} installs chromium and requires it ({@code -Ddriftdeck.require}); elsewhere this skips, saying so, where it is absent.
 */
class HtmlReportBrowserTest {

    private static final Pattern FINDING = Pattern.compile("<tbody class=\"finding\" data-status=\"(\\w+)\"[^>]*?data-search=\"([^\"]*)\"([^>]*)>");
    private static String chromium;

    @TempDir
    static Path dir;
    private static Path report;

    @BeforeAll
    static void writeReport() throws IOException {
        chromium = findChromium();
        report = dir.resolve("report.html");
        ExportFormat.HTML.writeFile(ReportSamples.mixed(), report);
    }

    /** Per test, not in {@code @BeforeAll}: Surefire counts a class-level skip as no test at all, hiding it. */
    @BeforeEach
    void needsChromium() {
        RequiredTools.assumeAvailable("chromium", chromium != null,
                "chromium is not installed: run 'apt-get install -y chromium' (.ci/run does) to test the HTML report in a browser");
    }

    @Test
    void withoutFiltersEveryFindingIsShown() throws Exception {
        String dom = dumpDom("");

        assertThat(visibleRows(dom)).hasSize(9);
        assertThat(dom).contains("<span id=\"shown\">9 findings</span>");
    }

    @Test
    void searchNarrowsTheRows() throws Exception {
        String dom = dumpDom("#q=orders");

        // Most severe first: a missing resource (MEDIUM by default) before a changed one (LOW).
        assertThat(visibleRows(dom)).containsExactly("MISSING orders", "CHANGED orders-db");
        assertThat(dom).contains("<span id=\"shown\">2 of 9 findings</span>");
    }

    @Test
    void statusFilterAndSearchCombine() throws Exception {
        String dom = dumpDom("#status=CHANGED&q=web");

        assertThat(visibleRows(dom)).containsExactly("CHANGED i-0web");
        assertThat(dom).contains("<span id=\"shown\">1 of 9 findings</span>");
    }

    @Test
    void typeFilterAndNoMatchMessage() throws Exception {
        assertThat(visibleRows(dumpDom("#type=aws_instance"))).containsExactly("CHANGED i-0web", "UNMANAGED i-0stray", "IN_SYNC i-0api");

        String none = dumpDom("#q=nothing-like-this");
        assertThat(visibleRows(none)).isEmpty();
        assertThat(none).contains("<p id=\"none\">No findings match the filter.</p>");
    }

    @Test
    void takesAScreenshotOfAFilteredReport() throws Exception {
        Path png = Path.of("target", "html-report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(png);

        run("--screenshot=" + png, "--window-size=1280,900", report.toUri() + "#status=CHANGED");

        assertThat(png).exists();
        byte[] header = new byte[8];
        try (var in = Files.newInputStream(png)) {
            assertThat(in.read(header)).isEqualTo(8);
        }
        assertThat(header).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    /** "STATUS id" of each finding row the page left visible, in page order. */
    private static List<String> visibleRows(String dom) {
        List<String> rows = new ArrayList<>();
        Matcher m = FINDING.matcher(dom);
        while (m.find()) {
            if (!m.group(3).contains("hidden")) {
                rows.add(m.group(1) + " " + m.group(2).split(" ")[0]);
            }
        }
        return rows;
    }

    private static String dumpDom(String hash) throws Exception {
        return run("--dump-dom", report.toUri() + hash);
    }

    private static String run(String... args) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(dir, "chromium", ".out");
        Path stderr = Files.createTempFile(dir, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 60 s: " + Files.readString(stderr));
        }
        assertThat(process.exitValue()).as("chromium exit code; stderr: %s", Files.readString(stderr)).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static String findChromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return null;
    }
}
