package dev.driftdeck.ui.overview;

import dev.driftdeck.scan.ScanProgress;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The status bar's progress part: visible while a scan reports progress, hidden when it is stored or its job stops. */
public final class ScanProgressViewModel {

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);

    /** Applies the latest progress (FX thread; bursts are coalesced before they get here). */
    public void apply(ScanProgress progress) {
        String counts = progress.total() == 0 ? "" : " (" + progress.done() + "/" + progress.total() + ")";
        message.set(progress.message() + counts);
        fraction.set(progress.fraction());
        active.set(true);
    }

    /** The scan was stored or its job stopped: the bar goes away until the next scan reports. */
    public void hide() {
        active.set(false);
        message.set("");
        fraction.set(0);
    }

    /** "Listing aws_instance in eu-west-1 (12/40)". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** In [0, 1], or -1 while the total is unknown. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }
}
