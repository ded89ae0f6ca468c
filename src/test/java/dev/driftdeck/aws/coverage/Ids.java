package dev.driftdeck.aws.coverage;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Ids the provider computes, recomputed independently of the collectors so a test can catch them disagreeing. */
final class Ids {

    private Ids() {
    }

    /** {@code r-<table><crc32(destination)>}, the provider's aws_route id (Go: create.StringHashcode). */
    static String route(String routeTableId, String destination) {
        CRC32 crc = new CRC32();
        crc.update(destination.getBytes(StandardCharsets.UTF_8));
        return "r-" + routeTableId + crc.getValue();
    }
}
