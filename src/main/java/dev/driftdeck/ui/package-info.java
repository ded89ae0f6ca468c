/**
 * The desktop console.
 *
 * <p>Wiring, for the app composition root (on the FX thread, e.g. in {@code Application.start}):
 * <pre>{@code
 * ConsoleServices services = ...;            // adapts store + scheduler + settings, see ConsoleServices
 * ConsoleWindow window = ConsoleWindow.open(primaryStage, services);
 * // closing the stage closes the window (unsubscribes, stops the console's daemon workers);
 * // the app root still owns scheduler shutdown and closing the database.
 * }</pre>
 * When the gate stays closed, pass a {@code ConsoleServices} whose {@code scheduler()} is empty and whose
 * {@code readOnlyReason()} says why: the console shows the last stored scan under a read-only banner.
 *
 * <p>Layout: one package per feature, each a view (controls and bindings) plus a view model
 * (JavaFX properties and plain methods, unit-tested without a stage): {@code overview} (overview page, summary
 * strip, status bar), {@code findings} (table, search, detail pane), {@code scheduler} (job panel, "Scan now"),
 * {@code reports} (scan history, export), {@code notifications} (new-drift banner, desktop notification),
 * {@code settings} (dialog and validation). {@link dev.driftdeck.ui.ConsoleView} is the sidebar shell: a page is
 * one {@code addPage(id, title, icon, view)} line, shown by {@link dev.driftdeck.ui.Navigation#show(String)}.
 * All background work goes through {@link dev.driftdeck.ui.BackgroundTasks}.
 */
package dev.driftdeck.ui;
