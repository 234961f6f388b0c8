package io.frontline.flink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Builds and runs the job on an environment: streaming over Kafka with checkpoints (exactly-once state and
 * source offsets), or, with an archive directory, in batch mode.
 */
public final class FrontlineRunner {
    private FrontlineRunner() {
    }

    /** Configures the environment and attaches the job's topology and sinks. */
    public static void build(StreamExecutionEnvironment env, JobOptions o) {
        if (o.parallelism() > 0) {
            env.setParallelism(o.parallelism());
        }
        if (o.archive() != null) {
            env.setRuntimeMode(RuntimeExecutionMode.BATCH);
            FrontlineJob.sinks(FrontlineJob.topology(FrontlineJob.archive(env, o.archive())), o);
            return;
        }
        if (o.bootstrap() == null) {
            throw new IllegalArgumentException("give --bootstrap (stream reports from Kafka) or --archive DIR (batch)\n" + JobOptions.USAGE);
        }
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.enableCheckpointing(o.checkpointMs(), CheckpointingMode.EXACTLY_ONCE);
        FrontlineJob.sinks(FrontlineJob.topology(FrontlineJob.kafka(env, o, o.bounded())), o);
    }

    public static JobExecutionResult run(StreamExecutionEnvironment env, JobOptions o) throws Exception {
        build(env, o);
        return env.execute(o.archive() != null ? "frontline archive " + o.archive() : "frontline " + o.inputTopic());
    }
}
