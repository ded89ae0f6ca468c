package dev.driftdeck.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeneratedConfigFixesTest {

    @Test
    void removesTheRejectedArgumentsOfTheirTypeOnlyAndIgnoresThoseAwsHoldsBeyondTheProvider() {
        String generated = """
                # __generated__ by Terraform
                resource "aws_subnet" "app" {
                  availability_zone                   = "us-east-1a"
                  availability_zone_id                = "use1-az6"
                  enable_lni_at_device_index          = 0
                  tags = {
                    availability_zone_id = "kept: a tag, not the argument"
                  }
                }

                resource "aws_vpc" "core" {
                  availability_zone_id = "kept: not an aws_subnet"
                }

                resource "aws_sqs_queue" "orders" {
                  max_message_size = 1048576
                  name             = "orders"
                }

                resource "aws_dynamodb_table" "sessions" {
                  point_in_time_recovery {
                    enabled                 = false
                    recovery_period_in_days = 0
                  }
                }
                """;

        String fixed = GeneratedConfigFixes.apply(generated);

        assertThat(fixed).isEqualTo("""
                # __generated__ by Terraform
                resource "aws_subnet" "app" {
                  availability_zone                   = "us-east-1a"
                  tags = {
                    availability_zone_id = "kept: a tag, not the argument"
                  }
                }

                resource "aws_vpc" "core" {
                  availability_zone_id = "kept: not an aws_subnet"
                }

                resource "aws_sqs_queue" "orders" {
                  name             = "orders"
                  lifecycle {
                    ignore_changes = [max_message_size]
                  }
                }

                resource "aws_dynamodb_table" "sessions" {
                  point_in_time_recovery {
                    enabled                 = false
                  }
                }
                """);
        assertThat(GeneratedConfigFixes.apply(fixed)).as("applying twice changes nothing more").isEqualTo(fixed);
    }
}
