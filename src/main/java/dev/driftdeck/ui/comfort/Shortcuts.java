package dev.driftdeck.ui.comfort;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The console's keyboard shortcuts: one list that installs them on the scene and also writes the help text, so the
 * help never disagrees with the keys. "Shortcut" is Ctrl on Linux and Windows, Cmd on macOS.
 */
public final class Shortcuts {

    /** One shortcut: the keys, what it does, and the action. */
    public record Shortcut(KeyCombination keys, String description, Runnable action) {
    }

    private final List<Shortcut> shortcuts = new ArrayList<>();

    public Shortcuts add(KeyCombination keys, String description, Runnable action) {
        shortcuts.add(new Shortcut(keys, description, action));
        return this;
    }

    public static KeyCombination shortcut(KeyCode code, KeyCombination.Modifier... more) {
        KeyCombination.Modifier[] modifiers = new KeyCombination.Modifier[more.length + 1];
        modifiers[0] = KeyCombination.SHORTCUT_DOWN;
        System.arraycopy(more, 0, modifiers, 1, more.length);
        return new KeyCodeCombination(code, modifiers);
    }

    public static KeyCombination alt(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.ALT_DOWN);
    }

    public static KeyCombination plain(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    public void install(Scene scene) {
        for (Shortcut s : shortcuts) {
            scene.getAccelerators().put(s.keys(), s.action());
        }
    }

    public List<Shortcut> all() {
        return List.copyOf(shortcuts);
    }

    /** "Ctrl+F  Search findings", one per line, in the platform's key names. */
    public String helpText() {
        return shortcuts.stream()
                .map(s -> String.format("%-16s %s", s.keys().getDisplayText(), s.description()))
                .collect(Collectors.joining("\n"));
    }
}
