package dev.driftdeck.ui;

import atlantafx.base.theme.Styles;
import dev.driftdeck.ui.comfort.Shortcuts;
import dev.driftdeck.ui.comfort.Theme;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.ui.about.AboutDialog;
import dev.driftdeck.ui.findings.FindingDetailView;
import dev.driftdeck.ui.ignore.IgnoreRulesView;
import dev.driftdeck.ui.findings.FindingsView;
import dev.driftdeck.ui.notifications.NotificationBanner;
import dev.driftdeck.ui.overview.FirstRunGuideView;
import dev.driftdeck.ui.overview.OverviewView;
import dev.driftdeck.ui.overview.StatusBar;
import dev.driftdeck.ui.overview.SummaryStrip;
import dev.driftdeck.ui.reports.ReportsView;
import dev.driftdeck.ui.scheduler.SchedulerView;
import dev.driftdeck.ui.settings.SettingsDialog;
import dev.driftdeck.ui.coverage.TypeCoverageView;
import dev.driftdeck.ui.sources.PathChooser;
import dev.driftdeck.ui.sources.SourcesView;
import dev.driftdeck.ui.sources.SourcesViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The main window's content: header with actions, read-only banner, notification banner, a sidebar that switches
 * pages (Overview, Findings, Scheduler, Reports...) and the status bar. Builds and binds controls; logic stays in
 * the view models.
 *
 * <p>Adding a page is one line in the constructor: {@code addPage("sources", "Sources", Feather.DATABASE, view)}.
 * Every page stays in the scene (hidden when not shown), so switching is instant and keeps scroll positions.
 */
public final class ConsoleView extends BorderPane {

    private final ConsoleViewModel model;
    private final SchedulerView schedulerView;
    private final FindingsView findingsView;
    private final Theme theme;
    private final Shortcuts shortcuts = new Shortcuts();
    private final VBox sidebar = new VBox(2);
    /** Holds the shown page only: see {@link #showPage}. */
    private final StackPane pages = new StackPane();
    /** Every page by id, in sidebar order (the order of the Shortcut+1..9 keys). */
    private final java.util.Map<String, Node> pageContents = new java.util.LinkedHashMap<>();
    private final ToggleGroup pageButtons = new ToggleGroup();

    /** @param chooser the Sources page's file and folder dialogs */
    public ConsoleView(ConsoleViewModel model, Theme theme, PathChooser chooser) {
        this.model = model;
        this.theme = theme;
        getStyleClass().add("console");

        VBox top = new VBox();
        if (model.readOnly()) {
            top.getChildren().add(readOnlyBanner());
        }
        top.getChildren().addAll(header(), new NotificationBanner(model.notifications(), () -> showFindings(null)));

        FindingsView findings = new FindingsView(model.findings());
        findingsView = findings;
        findings.setPadding(new Insets(10, 12, 0, 12));
        FindingDetailView detail = new FindingDetailView(model.detail());
        SplitPane findingsSplit = new SplitPane(findings, detail);
        findingsSplit.setDividerPositions(0.66);
        VBox findingsPage = new VBox(new SummaryStrip(model.summary(), model.findings().statusFilterProperty()), findingsSplit);
        VBox.setVgrow(findingsSplit, Priority.ALWAYS);

        schedulerView = new SchedulerView(model.scheduler());
        schedulerView.setOnShowHistory(() -> dev.driftdeck.ui.scheduler.RunHistoryView.open(getScene().getWindow(),
                model.services(), model.tasks(), model.scheduler().jobs().stream()
                        .map(dev.driftdeck.ui.scheduler.JobLine::job).toList()));
        ScrollPane schedulerScroll = new ScrollPane(schedulerView);
        schedulerScroll.setFitToWidth(true);
        schedulerScroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        sidebar.getStyleClass().add("sidebar");
        sidebar.setPadding(new Insets(10, 8, 10, 8));
        sidebar.setPrefWidth(168);
        sidebar.setMinWidth(Region.USE_PREF_SIZE);

        // One line per page, in sidebar order.
        FirstRunGuideView guide = new FirstRunGuideView(model.guide(), new FirstRunGuideView.Actions(
                () -> model.navigation().show(Navigation.SOURCES), this::openSettings, () -> model.scheduler().scanNow(),
                model.scheduler().scanButtonDisabledProperty()));
        addPage(Navigation.OVERVIEW, "Overview", Feather.HOME,
                new OverviewView(model.overview(), model.summary(), this::showFindings, guide));
        addPage(Navigation.FINDINGS, "Findings", Feather.LIST, findingsPage);
        addPage(Navigation.SCHEDULER, "Scheduler", Feather.CLOCK, schedulerScroll);
        addPage(Navigation.REPORTS, "Reports", Feather.FILE_TEXT, new ReportsView(model.reports()));
        Runnable showChanges = () -> dev.driftdeck.ui.audit.ChangeHistoryView.open(getScene().getWindow(),
                model.services(), model.tasks());
        addPage(Navigation.SOURCES, "Sources", Feather.DATABASE, model.sources()
                .<Node>map(sources -> {
                    SourcesView view = new SourcesView(sources, chooser);
                    view.setOnShowChanges(showChanges);
                    return view;
                })
                .orElseGet(() -> readOnlyPage("State sources cannot be changed while the console is read-only.")));
        IgnoreRulesView ignoreRulesView = new IgnoreRulesView(model.ignoreRules(), model.findings()::allFindings);
        ignoreRulesView.setOnShowChanges(showChanges);
        addPage(Navigation.IGNORE_RULES, "Ignore rules", Feather.EYE_OFF, ignoreRulesView);
        addPage(Navigation.COVERAGE, "Coverage", Feather.LAYERS, new TypeCoverageView(model.coverage(), this::showFindingsOfType));

        model.navigation().pageProperty().addListener((obs, old, now) -> {
            showPage(now);
            refreshPage(now);
        });
        showPage(model.navigation().current());

        setTop(top);
        setLeft(sidebar);
        setCenter(pages);
        setBottom(new StatusBar(model.progress(), model.summary(), model.messageProperty(),
                model.scheduler().failureHeadlineProperty(), model.scheduler().failureTextProperty()));
        defineShortcuts();
    }

    /**
     * The keyboard shortcuts (listed in the README and under the "?" button), plus Ctrl/Cmd+1..9 for the pages in
     * sidebar order.
     */
    void installShortcuts(javafx.scene.Scene scene) {
        shortcuts.install(scene);
        List<String> pageIds = List.copyOf(pageContents.keySet());
        for (int i = 0; i < Math.min(9, pageIds.size()); i++) {
            String id = pageIds.get(i);
            scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.valueOf("DIGIT" + (i + 1)),
                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN), () -> model.navigation().show(id));
        }
    }

    FindingsView findingsView() {
        return findingsView;
    }

    /** Pages that show what lives outside the console re-read it when opened: the sync's status, the rules file. */
    private void refreshPage(String id) {
        switch (id) {
            case Navigation.SOURCES -> model.sources().ifPresent(SourcesViewModel::refresh);
            case Navigation.IGNORE_RULES -> model.ignoreRules().reload();
            default -> { }
        }
    }

    private void openSettings() {
        SettingsDialog.open(getScene().getWindow(), model.services(), model.tasks(), saved -> {
            model.showMessage(saved.database() == null ? "Settings saved"
                    : "Settings saved; Driftdeck opens " + (saved.database().isEmpty() ? "its embedded database"
                            : saved.database()) + " at its next start");
            model.settingsSaved(saved.form(), saved.accessTested());
        }, model::showMessage);
    }

    private void defineShortcuts() {
        shortcuts.add(Shortcuts.plain(KeyCode.F5), "Scan now", () -> model.scheduler().scanNow())
                .add(Shortcuts.shortcut(KeyCode.R), "Scan now", () -> model.scheduler().scanNow())
                .add(Shortcuts.shortcut(KeyCode.F), "Search findings (Esc in the box clears all filters)", this::searchFindings)
                .add(Shortcuts.alt(KeyCode.DOWN), "Next finding", () -> model.findings().selectRelative(1))
                .add(Shortcuts.alt(KeyCode.UP), "Previous finding", () -> model.findings().selectRelative(-1))
                .add(Shortcuts.shortcut(KeyCode.I, KeyCombination.SHIFT_DOWN), "Ignore rules",
                        () -> model.navigation().show(Navigation.IGNORE_RULES))
                .add(Shortcuts.shortcut(KeyCode.D, KeyCombination.SHIFT_DOWN), "Switch light / dark theme", theme::toggle)
                .add(Shortcuts.shortcut(KeyCode.COMMA), "Settings", this::openSettings)
                .add(Shortcuts.plain(KeyCode.F1), "Show these shortcuts", this::showShortcuts);
    }

    private void showShortcuts() {
        javafx.scene.control.Alert help = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        help.initOwner(getScene().getWindow());
        help.setTitle("Keyboard shortcuts");
        help.setHeaderText("Keyboard shortcuts");
        Label keys = new Label(shortcuts.helpText());
        keys.setStyle("-fx-font-family: monospace");
        help.getDialogPane().setContent(keys);
        help.show();
    }

    /**
     * Adds a page and its sidebar button ({@code #nav-<id>}); the page shows when {@link Navigation#show} names it.
     * Shortcut+1..9 opens the pages in the order they were added.
     */
    public void addPage(String id, String title, Ikon icon, Node content) {
        ToggleButton button = new ToggleButton(title, new FontIcon(icon));
        button.setId("nav-" + id);
        button.setUserData(id);
        button.setToggleGroup(pageButtons);
        button.getStyleClass().addAll("nav-button", Styles.FLAT);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.setOnAction(e -> model.navigation().show(id));
        if (pageContents.size() < 9) {
            button.setTooltip(new Tooltip(title + "  (" + shortcutText(pageContents.size() + 1) + ")"));
        }
        sidebar.getChildren().add(button);
        content.setUserData(id);
        pageContents.put(id, content);
        showPage(model.navigation().current());
    }

    /**
     * Only the shown page is in the scene. Hidden pages kept in it (invisible) still had their CSS and layout
     * redone on every pulse in which a scan changed them: charts, tables and lists of pages nobody looked at, tens of
     * milliseconds of the FX thread with each 100,000-finding scan (issue 8, pulse latency). A page's nodes keep
     * following their view model while detached; its CSS and layout run once when it is shown.
     */
    private void showPage(String id) {
        Node page = pageContents.get(id);
        if (page != null && (pages.getChildren().size() != 1 || pages.getChildren().getFirst() != page)) {
            pages.getChildren().setAll(page);
        }
        for (javafx.scene.control.Toggle toggle : pageButtons.getToggles()) {
            // A click on the selected button must not leave none selected.
            toggle.setSelected(id.equals(toggle.getUserData()));
        }
    }

    /** Opens the findings page filtered to one status (null: every status). */
    private void showFindings(FindingStatus status) {
        model.findings().statusFilterProperty().set(status);
        model.navigation().show(Navigation.FINDINGS);
    }

    /** Opens the findings page showing every finding of one type. */
    private void showFindingsOfType(String type) {
        model.findings().clearFilters();
        model.findings().pickers().type().set(type);
        model.navigation().show(Navigation.FINDINGS);
    }

    private static String shortcutText(int n) {
        return (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac") ? "⌘" : "Ctrl+") + n;
    }

    private void searchFindings() {
        model.navigation().show(Navigation.FINDINGS);
        findingsView.focusSearch();
    }

    /** Starts the countdown timeline; the window calls it once shown. */
    void startTimers() {
        schedulerView.startCountdown();
    }

    void stopTimers() {
        schedulerView.stopCountdown();
    }

    private HBox header() {
        Label title = new Label("Driftdeck");
        title.getStyleClass().addAll(Styles.TITLE_3, "app-title");
        Label subtitle = new Label("Terraform state vs. live AWS");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button settings = new Button("Settings", new FontIcon(Feather.SETTINGS));
        settings.setId("settings-button");
        settings.setOnAction(e -> openSettings());

        javafx.scene.control.ToggleButton dark = new javafx.scene.control.ToggleButton(null, new FontIcon(Feather.MOON));
        dark.setId("theme-toggle");
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        dark.setTooltip(new javafx.scene.control.Tooltip("Dark theme (Ctrl+Shift+D)"));

        Button help = new Button(null, new FontIcon(Feather.HELP_CIRCLE));
        help.setId("shortcuts-help");
        help.getStyleClass().add(Styles.FLAT);
        javafx.scene.control.Tooltip helpTip = new javafx.scene.control.Tooltip();
        helpTip.setStyle("-fx-font-family: monospace");
        helpTip.setShowDelay(javafx.util.Duration.millis(200));
        help.setTooltip(helpTip);
        help.setOnMouseEntered(e -> helpTip.setText("Keyboard shortcuts (F1)\n\n" + shortcuts.helpText()));
        help.setOnAction(e -> showShortcuts());

        Button about = new Button(null, new FontIcon(Feather.INFO));
        about.setId("about-button");
        about.setTooltip(new javafx.scene.control.Tooltip("About Driftdeck: version, data directory, log file"));
        about.getStyleClass().add(Styles.FLAT);
        about.setOnAction(e -> AboutDialog.open(getScene().getWindow(), model.services(), model.tasks()));

        Button scanNow = new Button();
        scanNow.setId("scan-now");
        scanNow.setGraphic(new FontIcon(Feather.REFRESH_CW));
        scanNow.getStyleClass().add(Styles.ACCENT);
        scanNow.setMinWidth(140);
        scanNow.textProperty().bind(model.scheduler().scanButtonTextProperty());
        scanNow.disableProperty().bind(model.scheduler().scanButtonDisabledProperty());
        scanNow.setOnAction(e -> model.scheduler().scanNow());

        HBox header = new HBox(10, title, subtitle, spacer, help, dark, about, settings, scanNow);
        header.getStyleClass().add("header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 12, 6, 12));
        return header;
    }

    private static Node readOnlyPage(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        StackPane page = new StackPane(label);
        page.setPadding(new Insets(24));
        return page;
    }

    private HBox readOnlyBanner() {
        Label reason = new Label("Read-only: " + model.readOnlyReason());
        reason.setId("read-only-reason");
        reason.setWrapText(true);
        reason.getStyleClass().addAll(Styles.TEXT_BOLD, "read-only-reason");
        Label hint = new Label(model.readOnlyHint());
        hint.setId("read-only-hint");
        hint.setWrapText(true);
        FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
        icon.getStyleClass().add("read-only-icon");
        HBox banner = new HBox(12, icon, new VBox(2, reason, hint));
        banner.setId("read-only-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(10, 12, 10, 12));
        banner.getStyleClass().add("read-only-banner");
        return banner;
    }
}
