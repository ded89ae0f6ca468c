package dev.driftdeck.aws.coverage;

import java.util.ArrayList;
import java.util.List;

final class RawProtocolFamilyDrift {
    private RawProtocolFamilyDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        return new ArrayList<>();
    }
}
