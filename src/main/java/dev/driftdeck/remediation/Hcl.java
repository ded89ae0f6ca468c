package dev.driftdeck.remediation;

/** HCL text: quoted strings as Terraform's native syntax reads them back unchanged. */
public final class Hcl {

    private Hcl() {
    }

    /**
     * {@code "..."} with backslash, quote and control characters escaped, and {@code ${} / {@code %{} doubled so
     * Terraform reads them as text rather than as an interpolation or a template directive.
     */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean opensTemplate = i + 1 < text.length() && text.charAt(i + 1) == '{';
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$', '%' -> out.append(opensTemplate ? "" + c + c : String.valueOf(c));
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append("\\u%04x".formatted((int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
