import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { CloudWatchAlarmModel } from "../lib/aws/alarms";

/**
 * Maps a CloudWatch alarm model onto `aws.cloudwatch.MetricAlarm` inputs (shared by every component that creates
 * alarms): the alarm and its recovery go to one SNS topic.
 */
export function metricAlarmArgs(
    alarm: CloudWatchAlarmModel,
    dimensions: Record<string, pulumi.Input<string>>,
    topicArn: pulumi.Input<string>,
    tags: Record<string, string>,
): aws.cloudwatch.MetricAlarmArgs {
    return {
        name: alarm.name,
        namespace: alarm.namespace,
        metricName: alarm.metricName,
        dimensions,
        statistic: alarm.statistic,
        comparisonOperator: alarm.comparisonOperator,
        threshold: alarm.threshold,
        period: alarm.period,
        evaluationPeriods: alarm.evaluationPeriods,
        datapointsToAlarm: alarm.datapointsToAlarm,
        treatMissingData: alarm.treatMissingData,
        alarmDescription: alarm.description,
        alarmActions: [topicArn],
        okActions: [topicArn],
        tags,
    };
}
