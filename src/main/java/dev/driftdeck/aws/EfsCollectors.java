package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import dev.driftdeck.remediation.ImportIds;

/**
 * EFS file systems, mount targets, access points and backup policies, per region, over REST-JSON through
 * {@link SignedRequests} (the SDK's efs module is not available here). File systems and access points are listed
 * account-wide, 100 a page, tags included. Mount targets can only be listed per file system, so they are listed for
 * the file systems a state manages (as a file system or through a mount target): one on a file system nobody manages
 * is that file system's business. A backup policy always exists once AWS Backup was ever set up; it is read for the
 * managed file systems, and one turned on by hand (ENABLED) on a managed file system no backup policy resource
 * manages is UNMANAGED (DISABLED, AWS's default, is noise unless {@code --strict}).
 */
final class EfsCollectors {

    static final String FILE_SYSTEM = "aws_efs_file_system";
    static final String MOUNT_TARGET = "aws_efs_mount_target";
    static final String ACCESS_POINT = "aws_efs_access_point";
    static final String BACKUP_POLICY = "aws_efs_backup_policy";
    private static final String ROOT = "/2015-02-01";
    private static final String PAGE = "100";

    private EfsCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(FILE_SYSTEM)
                        .actions("elasticfilesystem:DescribeFileSystems",
                                "elasticfilesystem:DescribeLifecycleConfiguration")
                        .compare("creation_token", STRING).compare("encrypted", SCALAR).compare("kms_key_id", STRING)
                        .compare("performance_mode", STRING).compare("throughput_mode", STRING)
                        .compare("provisioned_throughput_in_mibps", SCALAR).compare("availability_zone_name", STRING)
                        .compare("lifecycle_policy", SET).compare("protection", SET).compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(EfsCollectors::fileSystems),
                CollectorDefinition.regional(MOUNT_TARGET)
                        .actions("elasticfilesystem:DescribeMountTargets",
                                "elasticfilesystem:DescribeMountTargetSecurityGroups")
                        .compare("file_system_id", STRING).compare("subnet_id", STRING)
                        .compare("ip_address", STRING).compare("security_groups", SET)
                        .importId(ImportIds.SAME_AS_ID).listedBy(EfsCollectors::mountTargets),
                CollectorDefinition.regional(ACCESS_POINT).actions("elasticfilesystem:DescribeAccessPoints")
                        .compare("file_system_id", STRING).compare("posix_user", SET).compare("root_directory", SET)
                        .compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(EfsCollectors::accessPoints),
                CollectorDefinition.regional(BACKUP_POLICY).actions("elasticfilesystem:DescribeFileSystems",
                                "elasticfilesystem:DescribeBackupPolicy")
                        .compare("backup_policy", SET)
                        .notCompared(NotCompared.IDENTITY, "file_system_id")
                        .importId(ImportIds.SAME_AS_ID).listedBy(EfsCollectors::backupPolicies));
    }

    private static List<JsonNode> listFileSystems(SignedRequests efs) {
        return SignedRequests.items(SignedRequests.pages(marker -> efs.get("DescribeFileSystems",
                ROOT + "/file-systems", marker == null ? Map.of("MaxItems", PAGE)
                        : Map.of("MaxItems", PAGE, "Marker", marker)), "NextMarker"), "FileSystems");
    }

    private static List<LiveResource> fileSystems(CollectorContext ctx) {
        SignedRequests efs = ctx.session().signed(RawApi.EFS, ctx.region());
        List<LiveResource> systems = new ArrayList<>();
        for (JsonNode fs : listFileSystems(efs)) {
            String id = fs.path("FileSystemId").asText();
            if (!ctx.manages(FILE_SYSTEM, id)) {
                systems.add(ctx.identityOnly(FILE_SYSTEM, id));
                continue;
            }
            JsonNode lifecycle = efs.get("DescribeLifecycleConfiguration",
                    ROOT + "/file-systems/" + id + "/lifecycle-configuration", Map.of());
            List<Object> policies = new ArrayList<>();
            lifecycle.path("LifecyclePolicies").forEach(policy -> policies.add(RawShapes.value(policy, Map.of())));
            JsonNode protection = fs.path("FileSystemProtection");
            systems.add(ctx.resource(FILE_SYSTEM, id, Attributes.of()
                    .put("creation_token", RawShapes.text(fs, "CreationToken"))
                    .put("encrypted", RawShapes.bool(fs, "Encrypted"))
                    .put("kms_key_id", RawShapes.text(fs, "KmsKeyId"))
                    .put("performance_mode", RawShapes.text(fs, "PerformanceMode"))
                    .put("throughput_mode", RawShapes.text(fs, "ThroughputMode"))
                    .put("provisioned_throughput_in_mibps", RawShapes.number(fs, "ProvisionedThroughputInMibps", 0))
                    .put("availability_zone_name", RawShapes.text(fs, "AvailabilityZoneName"))
                    .put("lifecycle_policy", policies)
                    .put("protection", protection.isObject() ? List.of(Map.of("replication_overwrite",
                            protection.path("ReplicationOverwriteProtection").asText())) : List.of())
                    .put("tags", RawShapes.tags(fs.path("Tags")))
                    .build()));
        }
        return systems;
    }

    /** Per file system a state manages (itself, or one of its mount targets): the API lists no wider. */
    private static List<LiveResource> mountTargets(CollectorContext ctx) {
        SignedRequests efs = ctx.session().signed(RawApi.EFS, ctx.region());
        TreeSet<String> fileSystems = new TreeSet<>(ctx.managed().ids(FILE_SYSTEM));
        ctx.managed().resources(MOUNT_TARGET).values().forEach(state -> {
            if (state.get("file_system_id") != null) {
                fileSystems.add(String.valueOf(state.get("file_system_id")));
            }
        });
        List<LiveResource> targets = new ArrayList<>();
        for (String fileSystem : fileSystems) {
            List<JsonNode> listed;
            try {
                listed = SignedRequests.items(SignedRequests.pages(marker -> efs.get("DescribeMountTargets",
                        ROOT + "/mount-targets", marker == null ? Map.of("FileSystemId", fileSystem, "MaxItems", PAGE)
                                : Map.of("FileSystemId", fileSystem, "MaxItems", PAGE, "Marker", marker)),
                        "NextMarker"), "MountTargets");
            } catch (RuntimeException e) {
                if (AwsErrors.hasCode(e, "FileSystemNotFound")) {
                    continue; // deleted with its mount targets: those the state holds are MISSING
                }
                throw e;
            }
            for (JsonNode target : listed) {
                String id = target.path("MountTargetId").asText();
                targets.add(!ctx.manages(MOUNT_TARGET, id) ? ctx.identityOnly(MOUNT_TARGET, id)
                        : ctx.resource(MOUNT_TARGET, id, Attributes.of()
                                .put("file_system_id", RawShapes.text(target, "FileSystemId"))
                                .put("subnet_id", RawShapes.text(target, "SubnetId"))
                                .put("ip_address", RawShapes.text(target, "IpAddress"))
                                .put("security_groups", RawShapes.texts(efs.get("DescribeMountTargetSecurityGroups",
                                        ROOT + "/mount-targets/" + id + "/security-groups", Map.of()), "SecurityGroups"))
                                .build()));
            }
        }
        return targets;
    }

    private static List<LiveResource> accessPoints(CollectorContext ctx) {
        SignedRequests efs = ctx.session().signed(RawApi.EFS, ctx.region());
        List<JsonNode> points = SignedRequests.items(SignedRequests.pages(token -> efs.get("DescribeAccessPoints",
                ROOT + "/access-points", token == null ? Map.of("MaxResults", PAGE)
                        : Map.of("MaxResults", PAGE, "NextToken", token)), "NextToken"), "AccessPoints");
        List<LiveResource> resources = new ArrayList<>();
        for (JsonNode point : points) {
            String id = point.path("AccessPointId").asText();
            if (!ctx.manages(ACCESS_POINT, id)) {
                resources.add(ctx.identityOnly(ACCESS_POINT, id));
                continue;
            }
            JsonNode user = point.path("PosixUser");
            JsonNode root = point.path("RootDirectory");
            JsonNode creation = root.path("CreationInfo");
            Map<String, Object> rootBlock = new LinkedHashMap<>();
            rootBlock.put("path", RawShapes.text(root, "Path"));
            rootBlock.put("creation_info", !creation.isObject() ? List.of() : List.of(Map.of(
                    "owner_gid", creation.path("OwnerGid").asLong(), "owner_uid", creation.path("OwnerUid").asLong(),
                    "permissions", creation.path("Permissions").asText())));
            Map<String, Object> userBlock = new LinkedHashMap<>();
            userBlock.put("uid", user.path("Uid").asLong());
            userBlock.put("gid", user.path("Gid").asLong());
            List<Long> secondary = new ArrayList<>();
            user.path("SecondaryGids").forEach(gid -> secondary.add(gid.asLong()));
            userBlock.put("secondary_gids", secondary);
            resources.add(ctx.resource(ACCESS_POINT, id, Attributes.of()
                    .put("file_system_id", RawShapes.text(point, "FileSystemId"))
                    .put("posix_user", user.isObject() ? List.of(userBlock) : List.of())
                    .put("root_directory", root.isObject() ? List.of(rootBlock) : List.of())
                    .put("tags", RawShapes.tags(point.path("Tags")))
                    .build()));
        }
        return resources;
    }

    /**
     * One DescribeBackupPolicy per existing file system a state manages (as a file system or through its backup
     * policy); the file system listing (100 a page) spares the calls for deleted ones.
     */
    private static List<LiveResource> backupPolicies(CollectorContext ctx) {
        SignedRequests efs = ctx.session().signed(RawApi.EFS, ctx.region());
        TreeSet<String> fileSystems = new TreeSet<>(ctx.managed().ids(FILE_SYSTEM));
        fileSystems.addAll(ctx.managed().ids(BACKUP_POLICY));
        if (fileSystems.isEmpty()) {
            return List.of();
        }
        fileSystems.retainAll(listFileSystems(efs).stream().map(fs -> fs.path("FileSystemId").asText()).toList());
        List<LiveResource> policies = new ArrayList<>();
        for (String fileSystem : fileSystems) {
            String status;
            try {
                status = RawShapes.text(efs.get("DescribeBackupPolicy",
                        ROOT + "/file-systems/" + fileSystem + "/backup-policy", Map.of()).path("BackupPolicy"), "Status");
            } catch (RuntimeException e) {
                if (AwsErrors.hasCode(e, "PolicyNotFound", "FileSystemNotFound")) {
                    continue;
                }
                throw e;
            }
            if (ctx.manages(BACKUP_POLICY, fileSystem)) {
                policies.add(ctx.resource(BACKUP_POLICY, fileSystem, Attributes.of()
                        .put("backup_policy", List.of(Map.of("status", status))).build()));
            } else if ("ENABLED".equals(status) || ctx.strict()) {
                policies.add(ctx.identityOnly(BACKUP_POLICY, fileSystem));
            }
        }
        return policies;
    }
}
