package dev.driftdeck.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What went wrong and what to do about it, read from an error's text: a job run's recorded error (a stack trace:
 * "Type: message", frames, "Caused by: ...") or a failed "Test access". The job card, the overview, the status bar
 * and the settings dialog all explain errors through this one mapping. Pure: no JavaFX, no I/O.
 *
 * @param problem one sentence: what failed, with the name, file or address at fault
 * @param fix     what the operator does about it, naming the place in the console; never empty
 */
public record ErrorAdvice(String problem, String fix) {

    static final String AWS_ACCESS = "Settings → AWS access";
    static final String RUN_HISTORY = "Scheduler → Run history… has the full error.";

    /** "fully.qualified.SomeException: " at the start of a line. */
    private static final Pattern EXCEPTION_PREFIX =
            Pattern.compile("^(?:Caused by: )?(?:[a-zA-Z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error|Throwable)[\\w$]*(?::\\s*|$)");
    private static final Pattern FRAME = Pattern.compile("^\\s+(?:at |\\.\\.\\. \\d+ more)");
    private static final Pattern PROFILE = Pattern.compile("profile '([^']+)'");
    private static final Pattern DENIED_ACTION = Pattern.compile(
            "not authorized to perform: ([\\w-]+:\\w+)|\\((?:AccessDenied\\w*|UnauthorizedOperation|AuthorizationError) on ([\\w-]+:\\w+)\\)");

    private record Rule(Pattern when, Function<Context, ErrorAdvice> advice) {
    }

    /** The error's first message, all its text, and the profile the caller knows of (null when unknown). */
    private record Context(String message, String text, Matcher match, String profile) {
    }

    private static final List<Rule> RULES = List.of(
            rule("AWS profile '([^']+)' is not defined", c -> new ErrorAdvice(
                    "AWS profile '" + c.match().group(1) + "' is not defined in ~/.aws/config or ~/.aws/credentials"
                            + " (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE).",
                    "Open " + AWS_ACCESS + " and pick a profile from the list, or leave it blank for the default"
                            + " credential chain.")),
            rule("AWS config files are not valid", c -> new ErrorAdvice(firstSentences(c.message()),
                    "Correct the file, then press Test access in " + AWS_ACCESS + ".")),
            rule("No AWS region given", c -> new ErrorAdvice(
                    "No AWS region is set, and " + (c.profile() == null ? "the AWS profile" : "profile '" + c.profile() + "'")
                            + " names none (nor does AWS_REGION).",
                    "Open " + AWS_ACCESS + " and pick the region(s) to scan.")),
            rule("is not an AWS region name", c -> new ErrorAdvice(c.message(),
                    "Open " + AWS_ACCESS + " and pick the region(s) from the list.")),
            rule("SSO session associated with this profile has expired|Unable to load SSO token|SSO token.*expired",
                    c -> new ErrorAdvice("The AWS SSO login" + (c.profile() == null ? "" : " of profile '" + c.profile() + "'")
                            + " has expired or never happened.",
                            c.profile() == null
                                    ? "Run aws sso login --profile <the profile in " + AWS_ACCESS + ">, then try again."
                                    : "Run aws sso login --profile " + c.profile() + ", then try again.")),
            rule("Unable to load credentials from any of the providers in the chain", c -> new ErrorAdvice(
                    "No AWS credentials found. Looked in: the aws.accessKeyId system property, AWS_ACCESS_KEY_ID,"
                            + " a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE), the AWS_PROFILE (else default) profile"
                            + " of ~/.aws/credentials and ~/.aws/config, the container credentials endpoint and the EC2"
                            + " instance metadata service.",
                    "Run aws configure (access keys) or aws sso login, or pick a profile with credentials in "
                            + AWS_ACCESS + ".")),
            rule("contained no credentials for profile '([^']+)'", c -> new ErrorAdvice(
                    "AWS profile '" + c.match().group(1) + "' has no credentials: no access keys, SSO settings, role_arn"
                            + " or credential_process in ~/.aws/config or ~/.aws/credentials.",
                    "Add them (aws configure --profile " + c.match().group(1) + ", or aws configure sso), or pick"
                            + " another profile in " + AWS_ACCESS + ".")),
            rule("not authorized to perform|AccessDenied|UnauthorizedOperation|AuthorizationError", c -> {
                Matcher action = DENIED_ACTION.matcher(c.text());
                String granted = action.find() ? (action.group(1) != null ? action.group(1) : action.group(2)) : null;
                return new ErrorAdvice(firstSentences(c.message()), granted == null
                        ? "Give the scanning identity Driftdeck's read-only policy (docs/iam-policy.json)."
                        : "Grant " + granted + " to the scanning identity (docs/iam-policy.json lists every action"
                        + " a scan needs).");
            }),
            rule("InvalidClientTokenId|SignatureDoesNotMatch|ExpiredToken|InvalidAccessKeyId|UnrecognizedClientException"
                    + "|AuthFailure|security token included in the request is (?:invalid|expired)", c -> new ErrorAdvice(
                    firstSentences(c.message()),
                    "AWS rejected the credentials: refresh them (aws sso login, new access keys) or pick another"
                            + " profile in " + AWS_ACCESS + ".")),
            rule("Unable to execute HTTP request|Connection refused|UnknownHostException|connect timed out"
                    + "|Connect to \\S+ failed|No route to host", c -> new ErrorAdvice(firstSentences(c.message()),
                    "Check the Endpoint URL in " + AWS_ACCESS + " (blank for AWS itself) and the network.")),
            rule("Cannot read the ignore file", c -> new ErrorAdvice(c.message(),
                    "Fix the file's permissions, or remove it in Ignore rules.")));

    /** Advice on an error whose profile is unknown (a job run). */
    public static ErrorAdvice of(String error) {
        return of(error, null);
    }

    /**
     * @param error   the error text: a stack trace, or "Type: message" lines
     * @param profile the AWS profile in use, or null/blank when unknown or the default chain
     */
    public static ErrorAdvice of(String error, String profile) {
        String text = error == null ? "" : error.strip();
        String message = firstMessage(text);
        String knownProfile = profile != null && !profile.isBlank() ? profile.strip() : profileIn(text).orElse(null);
        for (Rule rule : RULES) {
            Matcher match = rule.when().matcher(text);
            if (match.find()) {
                return rule.advice().apply(new Context(message, text, match, knownProfile));
            }
        }
        return new ErrorAdvice(message.isEmpty() ? "The run failed without a message." : message, RUN_HISTORY);
    }

    /** Problem and fix as one text. */
    public String text() {
        return problem + " " + fix;
    }

    /** The message of the error's first line (and any continuation lines before the first frame), without its type. */
    static String firstMessage(String text) {
        StringBuilder message = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (FRAME.matcher(line).find() || (!message.isEmpty() && line.startsWith("Caused by: "))) {
                break;
            }
            String stripped = EXCEPTION_PREFIX.matcher(line).replaceFirst("").strip();
            if (!stripped.isEmpty()) {
                message.append(message.isEmpty() ? "" : " ").append(stripped);
            }
        }
        return message.toString();
    }

    /** Up to the end of the second sentence: SDK messages go on with request ids and dumps of their inputs. */
    private static String firstSentences(String message) {
        int end = -1;
        for (int sentences = 0; sentences < 2; sentences++) {
            int next = message.indexOf(". ", end + 1);
            if (next < 0) {
                return message;
            }
            end = next;
        }
        return message.substring(0, end + 1);
    }

    private static Optional<String> profileIn(String text) {
        Matcher profile = PROFILE.matcher(text);
        return profile.find() ? Optional.of(profile.group(1)) : Optional.empty();
    }

    private static Rule rule(String regex, Function<Context, ErrorAdvice> advice) {
        return new Rule(Pattern.compile(regex), advice);
    }
}
