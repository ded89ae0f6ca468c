package dev.driftdeck.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

class LatestValueRelayTest {

    private final Queue<Runnable> uiQueue = new ArrayDeque<>();
    private final List<Integer> applied = new ArrayList<>();
    private final LatestValueRelay<Integer> relay = new LatestValueRelay<>(uiQueue::add, applied::add);

    @Test
    void aBurstQueuesOneHopThatAppliesTheLatestValue() {
        for (int i = 1; i <= 10_000; i++) {
            relay.accept(i);
        }

        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        assertThat(applied).containsExactly(10_000);
    }

    @Test
    void valuesAfterAHopScheduleTheNextOne() {
        relay.accept(1);
        uiQueue.poll().run();
        relay.accept(2);
        relay.accept(3);

        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        assertThat(applied).containsExactly(1, 3);
    }

    @Test
    void valuesWithTheirOwnOrderKeepTheNewerWhenAnOlderArrivesLate() {
        LatestValueRelay<Integer> ordered = new LatestValueRelay<>(uiQueue::add, applied::add, Math::max);

        ordered.accept(7);
        ordered.accept(5); // taken before 7 on another thread, delivered after it

        uiQueue.poll().run();
        assertThat(applied).containsExactly(7);
    }
}
