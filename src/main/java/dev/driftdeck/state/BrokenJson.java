package dev.driftdeck.state;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.CharConversionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in one sentence why a state is not valid JSON, where, and what to do, in the operator's words. Jackson's own
 * messages name its parser's internals ("Source: REDACTED (`StreamReadFeature...` disabled)", "CTRL-CHAR", "token"),
 * which an operator cannot act on; they stay in the log through the exception's cause.
 */
final class BrokenJson {

    private static final Pattern CONTROL_CHARACTER = Pattern.compile("CTRL-CHAR, code (\\d+)");
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("^Unexpected character \\('(.)'");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '([^']*)'");
    private static final Pattern CLOSE_MARKER = Pattern.compile("^Unexpected close marker '(.)'");
    private static final int SHOWN_TEXT = 20;

    private static final String BINARY_ADVICE = "Is it compressed or encrypted? Point the source at the plain tfstate file.";
    private static final String CUT_ADVICE = "Was it written completely? Run terraform state pull to get a current copy.";
    private static final String NOT_A_STATE_ADVICE = "Is it a tfstate file? Terraform writes one with terraform state pull.";

    private BrokenJson() {
    }

    static String explain(String sourceUri, JacksonException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String where = where(e.getLocation());
        if (e instanceof StreamConstraintsException) {
            return sentence(sourceUri, "a value is longer or nested deeper than Driftdeck reads" + where,
                    "Is it a tfstate file? Terraform's own states stay far below these limits.");
        }
        if (original.startsWith("Unexpected end-of-input")) {
            return sentence(sourceUri, "it ends before the JSON does" + (where.isEmpty() ? "" : "," + where), CUT_ADVICE);
        }
        Matcher control = CONTROL_CHARACTER.matcher(original);
        if (control.find()) {
            return sentence(sourceUri, "it holds binary data (a control character, code " + control.group(1) + ")"
                    + where, BINARY_ADVICE);
        }
        if (original.startsWith("Invalid UTF-8")) {
            return sentence(sourceUri, "it holds binary data (bytes that are not UTF-8 text)" + where, BINARY_ADVICE);
        }
        Matcher token = UNRECOGNIZED_TOKEN.matcher(original);
        if (token.find()) {
            return unexpected(sourceUri, "text", token.group(1), where);
        }
        Matcher character = UNEXPECTED_CHARACTER.matcher(original);
        if (character.find()) {
            return unexpected(sourceUri, "character", character.group(1), where);
        }
        Matcher close = CLOSE_MARKER.matcher(original);
        if (close.find()) {
            return sentence(sourceUri, "unexpected '" + close.group(1) + "'" + where, NOT_A_STATE_ADVICE);
        }
        if (original.startsWith("Invalid numeric value")) {
            return sentence(sourceUri, "an invalid number" + where, NOT_A_STATE_ADVICE);
        }
        return sentence(sourceUri, "malformed JSON" + where, NOT_A_STATE_ADVICE);
    }

    /** Jackson reports bytes it cannot decode as text in the detected encoding (UTF-16/32 look-alikes) this way. */
    static String explain(String sourceUri, CharConversionException e) {
        return sentence(sourceUri, "it holds binary data (bytes that are not text)", BINARY_ADVICE);
    }

    /** Unexpected text or a character: quoted when it is printable, else the file holds binary data. */
    private static String unexpected(String sourceUri, String what, String found, String where) {
        String text = shown(found);
        return text == null
                ? sentence(sourceUri, "it holds binary data" + where, BINARY_ADVICE)
                : sentence(sourceUri, "unexpected " + what + " '" + text + "'" + where, NOT_A_STATE_ADVICE);
    }

    private static String sentence(String sourceUri, String problem, String advice) {
        return "State " + sourceUri + " is not valid JSON: " + problem + ". " + advice;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The offending text when it is printable and short enough to quote; null when it is not text at all. */
    private static String shown(String text) {
        if (text.isEmpty() || !text.codePoints().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return null;
        }
        return text.length() > SHOWN_TEXT ? text.substring(0, SHOWN_TEXT) + "…" : text;
    }
}
