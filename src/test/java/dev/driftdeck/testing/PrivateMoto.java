package dev.driftdeck.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that runs beside the rest of the suite on a moto_server of its own. The Terraform-applied family
 * tests spend most of their time in terraform and moto processes, so they run one at a time next to the suite's
 * other classes (src/test/resources/junit-platform.properties) instead of after them. The shared lock keeps them
 * one at a time (two threads, two cores) and makes JUnit run each class's methods in order on the class's own
 * thread, which is what binds the private server to them ({@link MotoServer#current()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(PrivateMoto.LOCK)
@ExtendWith(PrivateMoto.Extension.class)
public @interface PrivateMoto {

    String LOCK = "terraform-applied-family";

    /**
     * Loads AWS's managed policies ({@code arn:aws:iam::aws:policy/AdministratorAccess}...), which moto leaves out
     * by default: a server of its own, because loading them slows every reset of the shared one.
     */
    boolean awsManagedPolicies() default false;

    /** Starts the class's server before its {@code @BeforeAll} and stops it after its {@code @AfterAll}. */
    final class Extension implements BeforeAllCallback, AfterAllCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PrivateMoto.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            PrivateMoto options = context.getRequiredTestClass().getAnnotation(PrivateMoto.class);
            context.getStore(NAMESPACE).put("server",
                    MotoServer.startBound(options != null && options.awsManagedPolicies()));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            MotoServer server = context.getStore(NAMESPACE).remove("server", MotoServer.class);
            if (server != null) {
                server.unbindAndStop();
            }
        }
    }
}
