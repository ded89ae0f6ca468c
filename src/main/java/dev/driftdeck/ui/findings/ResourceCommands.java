package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.remediation.Shell;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Commands and links an operator pastes or opens for one finding: an AWS CLI command that shows the live resource,
 * and its page in the AWS console. Read-only commands only: nothing here changes AWS. (An unmanaged resource's
 * import block is {@code remediation.ImportFile#block}.)
 */
public final class ResourceCommands {

    private static final String DEFAULT_REGION = "us-east-1";

    private ResourceCommands() {
    }

    /** An AWS CLI command that shows the live resource; a tag-API lookup for types without a better one. */
    public static String awsCli(Finding f) {
        String id = quote(f.id());
        String command = switch (f.type()) {
            case "aws_instance" -> "aws ec2 describe-instances --instance-ids " + id;
            case "aws_security_group" -> "aws ec2 describe-security-groups --group-ids " + id;
            case "aws_vpc" -> "aws ec2 describe-vpcs --vpc-ids " + id;
            case "aws_subnet" -> "aws ec2 describe-subnets --subnet-ids " + id;
            case "aws_route_table" -> "aws ec2 describe-route-tables --route-table-ids " + id;
            case "aws_internet_gateway" -> "aws ec2 describe-internet-gateways --internet-gateway-ids " + id;
            case "aws_nat_gateway" -> "aws ec2 describe-nat-gateways --nat-gateway-ids " + id;
            case "aws_eip" -> "aws ec2 describe-addresses --allocation-ids " + id;
            case "aws_ebs_volume" -> "aws ec2 describe-volumes --volume-ids " + id;
            case "aws_key_pair" -> "aws ec2 describe-key-pairs --key-names " + id;
            case "aws_launch_template" -> "aws ec2 describe-launch-templates --launch-template-ids " + id;
            case "aws_iam_role" -> "aws iam get-role --role-name " + id;
            case "aws_iam_user" -> "aws iam get-user --user-name " + id;
            case "aws_iam_policy" -> "aws iam get-policy --policy-arn " + id;
            case "aws_iam_role_policy" -> twoPart(f.id(), ":", "aws iam get-role-policy --role-name %s --policy-name %s");
            case "aws_iam_role_policy_attachment" ->
                    "aws iam list-attached-role-policies --role-name " + quote(f.id().split("/", 2)[0]);
            case "aws_s3_bucket" -> "aws s3api head-bucket --bucket " + id;
            case "aws_s3_bucket_policy" -> "aws s3api get-bucket-policy --bucket " + id;
            case "aws_s3_bucket_versioning" -> "aws s3api get-bucket-versioning --bucket " + id;
            case "aws_s3_bucket_public_access_block" -> "aws s3api get-public-access-block --bucket " + id;
            case "aws_s3_bucket_server_side_encryption_configuration" -> "aws s3api get-bucket-encryption --bucket " + id;
            case "aws_s3_bucket_lifecycle_configuration" -> "aws s3api get-bucket-lifecycle-configuration --bucket " + id;
            case "aws_sqs_queue" -> "aws sqs get-queue-attributes --attribute-names All --queue-url " + id;
            case "aws_sns_topic" -> "aws sns get-topic-attributes --topic-arn " + id;
            case "aws_lambda_function" -> "aws lambda get-function --function-name " + id;
            case "aws_dynamodb_table" -> "aws dynamodb describe-table --table-name " + id;
            case "aws_db_instance" -> "aws rds describe-db-instances --db-instance-identifier " + id;
            case "aws_kms_key" -> "aws kms describe-key --key-id " + id;
            case "aws_kms_alias" -> "aws kms list-aliases --query " + quote("Aliases[?AliasName=='" + f.id() + "']");
            case "aws_route53_zone" -> "aws route53 get-hosted-zone --id " + id;
            case "aws_route53_record" -> route53Record(f.id());
            case "aws_cloudwatch_log_group" -> "aws logs describe-log-groups --log-group-name-prefix " + id;
            case "aws_cloudwatch_metric_alarm" -> "aws cloudwatch describe-alarms --alarm-names " + id;
            case "aws_ecr_repository" -> "aws ecr describe-repositories --repository-names " + id;
            case "aws_secretsmanager_secret" -> "aws secretsmanager describe-secret --secret-id " + id;
            case "aws_ssm_parameter" -> "aws ssm get-parameter --name " + id;
            case "aws_lb", "aws_alb" -> "aws elbv2 describe-load-balancers --load-balancer-arns " + id;
            case "aws_lb_target_group", "aws_alb_target_group" -> "aws elbv2 describe-target-groups --target-group-arns " + id;
            case "aws_lb_listener", "aws_alb_listener" -> "aws elbv2 describe-listeners --listener-arns " + id;
            default -> f.id().startsWith("arn:")
                    ? "aws resourcegroupstaggingapi get-resources --resource-arn-list " + id
                    : "aws resourcegroupstaggingapi get-resources --query "
                    + quote("ResourceTagMappingList[?contains(ResourceARN, '" + f.id() + "')]");
        };
        return isGlobal(f) ? command : command + " --region " + region(f);
    }

    /** The resource's page in the AWS console; the Tag Editor's resource search for types without one. */
    public static String consoleUrl(Finding f) {
        String r = region(f);
        String regional = "https://" + r + ".console.aws.amazon.com/";
        String id = f.id();
        return switch (f.type()) {
            case "aws_instance" -> regional + "ec2/home?region=" + r + "#InstanceDetails:instanceId=" + id;
            case "aws_security_group" -> regional + "ec2/home?region=" + r + "#SecurityGroup:groupId=" + id;
            case "aws_ebs_volume" -> regional + "ec2/home?region=" + r + "#VolumeDetails:volumeId=" + id;
            case "aws_vpc" -> regional + "vpcconsole/home?region=" + r + "#VpcDetails:VpcId=" + id;
            case "aws_subnet" -> regional + "vpcconsole/home?region=" + r + "#SubnetDetails:subnetId=" + id;
            case "aws_iam_role" -> "https://console.aws.amazon.com/iam/home#/roles/details/" + encode(id);
            case "aws_iam_user" -> "https://console.aws.amazon.com/iam/home#/users/details/" + encode(id);
            case "aws_iam_policy" -> "https://console.aws.amazon.com/iam/home#/policies/details/" + encode(id);
            case "aws_s3_bucket", "aws_s3_bucket_policy", "aws_s3_bucket_versioning", "aws_s3_bucket_public_access_block",
                 "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_lifecycle_configuration" ->
                    "https://s3.console.aws.amazon.com/s3/buckets/" + encode(id);
            case "aws_lambda_function" -> regional + "lambda/home?region=" + r + "#/functions/" + encode(id);
            case "aws_dynamodb_table" -> regional + "dynamodbv2/home?region=" + r + "#table?name=" + encode(id);
            case "aws_db_instance" -> regional + "rds/home?region=" + r + "#database:id=" + encode(id);
            case "aws_sqs_queue" -> regional + "sqs/v3/home?region=" + r + "#/queues/" + encode(id);
            case "aws_sns_topic" -> regional + "sns/v3/home?region=" + r + "#/topic/" + id;
            case "aws_kms_key" -> regional + "kms/home?region=" + r + "#/kms/keys/" + encode(id);
            case "aws_route53_zone" -> "https://console.aws.amazon.com/route53/v2/hostedzones#ListRecordSets/" + encode(id);
            case "aws_cloudwatch_log_group" -> regional + "cloudwatch/home?region=" + r + "#logsV2:log-groups/log-group/"
                    + encode(id).replace("%", "$25");
            default -> "https://" + r + ".console.aws.amazon.com/resource-groups/tag-editor/find-resources?region=" + r;
        };
    }

    private static String route53Record(String id) {
        // Terraform writes ZONEID_name_TYPE (and _SETID for weighted records); names may hold underscores.
        String[] parts = id.split("_");
        if (parts.length < 3) {
            return "aws route53 list-resource-record-sets --hosted-zone-id " + quote(parts[0]);
        }
        String zone = parts[0];
        int typeIndex = parts.length - 1;
        if (!parts[typeIndex].matches("[A-Z]+") && parts.length > 3) {
            typeIndex--;
        }
        String name = String.join("_", java.util.Arrays.copyOfRange(parts, 1, typeIndex));
        return "aws route53 list-resource-record-sets --hosted-zone-id " + quote(zone) + " --start-record-name "
                + quote(name) + " --start-record-type " + parts[typeIndex] + " --max-items 1";
    }

    private static String twoPart(String id, String separator, String format) {
        String[] parts = id.split(Pattern.quote(separator), 2);
        return parts.length == 2 ? format.formatted(quote(parts[0]), quote(parts[1])) : format.formatted(quote(id), "''");
    }

    private static boolean isGlobal(Finding f) {
        return f.type().startsWith("aws_iam_") || f.type().startsWith("aws_s3_") || f.type().startsWith("aws_route53_");
    }

    private static String region(Finding f) {
        return f.region() == null || f.region().isBlank() || f.region().equals("global") ? DEFAULT_REGION : f.region();
    }

    /** Single-quotes a shell argument unless it is plainly safe. */
    static String quote(String arg) {
        return Shell.quote(arg);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
