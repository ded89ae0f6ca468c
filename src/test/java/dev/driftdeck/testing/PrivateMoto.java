package dev.driftdeck.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * A test class that runs beside the rest of the suite on a moto_server of its own. The Terraform-applied family
 * tests spend most of their time in terraform and moto processes, much of it waiting (the provider polls moto for
 * states it reaches at once), so they run next to the suite's other classes, {@link Extension#LANES} at a time
 * (src/test/resources/junit-platform.properties has a thread for the rest and one per lane). Each class's own lock
 * makes JUnit run its methods in order on the class's own thread, which is what binds the private server to them
 * ({@link MotoServer#current()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(providers = PrivateMoto.Locks.class)
@ExtendWith(PrivateMoto.Extension.class)
public @interface PrivateMoto {

    /** Read by every family test; a class that must not run beside any of them (it counts threads) writes it. */
    String LOCK = "terraform-applied-family";

    /**
     * Every family class holds {@link #LOCK} for reading and a lock of its own for writing: the lock of its own makes
     * JUnit run the class's methods in order on the class's thread (which binds its moto_server); how many family
     * classes run at once is {@link Extension#LANES}' business, not a lock's.
     */
    final class Locks implements ResourceLocksProvider {

        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            return Set.of(new Lock(LOCK, ResourceAccessMode.READ), new Lock(LOCK + "-" + testClass.getName()));
        }
    }

    /**
     * Loads AWS's managed policies ({@code arn:aws:iam::aws:policy/AdministratorAccess}...), which moto leaves out
     * by default: a server of its own, because loading them slows every reset of the shared one.
     */
    boolean awsManagedPolicies() default false;

    /** Starts the class's server before its {@code @BeforeAll} and stops it after its {@code @AfterAll}. */
    final class Extension implements BeforeAllCallback, AfterAllCallback {

        /**
         * Two family classes at a time, whichever are next (a class waits here for a lane, not for a given one): with
         * the rest of the suite, three busy threads on the two-core build machine (docs/DECISIONS.md).
         */
        static final int LANES = 2;
        private static final Semaphore LANE = new Semaphore(LANES, true);
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PrivateMoto.class);

        @Override
        public void beforeAll(ExtensionContext context) throws InterruptedException {
            LANE.acquire();
            context.getStore(NAMESPACE).put("lane", (ExtensionContext.Store.CloseableResource) LANE::release);
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
