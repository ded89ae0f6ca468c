package dev.driftdeck.aws.coverage;

import dev.driftdeck.testing.MotoRequests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * As {@link ServiceDrift}, for the coverage fixture's CloudWatch metric alarms. The SDK's cloudwatch client speaks
 * CBOR, which moto cannot answer, so the operator's edits go over the query protocol, as the console's API calls did
 * before it.
 */
final class AlarmDrift {

    private AlarmDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        // The console's edit: PutMetricAlarm with every setting, the threshold raised.
        cloudwatch("PutMetricAlarm", alarm("cpu-0", "90"));
        cloudwatch("DeleteAlarms", Map.of("AlarmNames.member.1", "cpu-1"));
        cloudwatch("PutMetricAlarm", alarm("by-hand", "50"));
        return List.of("CHANGED aws_cloudwatch_metric_alarm.cpu[0] threshold",
                "MISSING aws_cloudwatch_metric_alarm.cpu[1]",
                "UNMANAGED aws_cloudwatch_metric_alarm by-hand");
    }

    private static Map<String, String> alarm(String name, String threshold) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AlarmName", name);
        params.put("ComparisonOperator", "GreaterThanThreshold");
        params.put("EvaluationPeriods", "2");
        params.put("MetricName", "CPUUtilization");
        params.put("Namespace", "AWS/EC2");
        params.put("Period", "300");
        params.put("Statistic", "Average");
        params.put("Threshold", threshold);
        params.put("ActionsEnabled", "true");
        params.put("TreatMissingData", "missing");
        return params;
    }

    private static void cloudwatch(String action, Map<String, String> params) {
        MotoRequests.query("monitoring", "2010-08-01", action, params);
    }
}
