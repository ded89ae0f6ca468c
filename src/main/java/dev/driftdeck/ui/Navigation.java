package dev.driftdeck.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;

/** Which page of the console is showing. Pages are named by id; {@link ConsoleView} maps ids to views. */
public final class Navigation {

    public static final String OVERVIEW = "overview";
    public static final String FINDINGS = "findings";
    public static final String SCHEDULER = "scheduler";
    public static final String REPORTS = "reports";
    public static final String SOURCES = "sources";
    public static final String IGNORE_RULES = "ignore-rules";
    public static final String COVERAGE = "coverage";

    private final ReadOnlyStringWrapper page = new ReadOnlyStringWrapper(OVERVIEW);

    /** Shows the page with this id (FX thread). */
    public void show(String pageId) {
        page.set(Objects.requireNonNull(pageId));
    }

    public String current() {
        return page.get();
    }

    public ReadOnlyStringProperty pageProperty() {
        return page.getReadOnlyProperty();
    }
}
