package dev.driftdeck.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredToolsTest {

    private final String before = System.getProperty(RequiredTools.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(RequiredTools.PROPERTY);
        } else {
            System.setProperty(RequiredTools.PROPERTY, before);
        }
    }

    @Test
    void aMissingToolSkipsWhereNobodyRequiresIt() {
        System.clearProperty(RequiredTools.PROPERTY);

        assertThatThrownBy(() -> RequiredTools.assumeAvailable("chromium", false, "not installed"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("not installed");
    }

    @Test
    void aMissingRequiredToolFailsTheTest() {
        System.setProperty(RequiredTools.PROPERTY, "chromium, mount");

        assertThatThrownBy(() -> RequiredTools.assumeAvailable("mount", false, "needs root"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("mount is required").hasMessageContaining("needs root");
        assertThatThrownBy(() -> RequiredTools.assumeAvailable("docker", false, "absent"))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void anAvailableToolNeitherSkipsNorFails() {
        System.setProperty(RequiredTools.PROPERTY, "chromium");

        assertThatCode(() -> RequiredTools.assumeAvailable("chromium", true, "")).doesNotThrowAnyException();
    }
}
