package io.frontline.flink;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Passes inputs through, slowly, and throws once: at the first input from the {@code after}-th on that comes after a
 * completed checkpoint, so the restart restores state and offsets from that checkpoint while the sinks hold records
 * of an open transaction. One failure per JVM run ({@link #reset} between tests); the MiniCluster runs in this JVM.
 */
final class FailOnce extends RichMapFunction<ReportInput, ReportInput> implements CheckpointListener {
    static final AtomicBoolean FAILED = new AtomicBoolean();
    private static volatile boolean checkpointed;
    private final int after;
    private int seen;

    FailOnce(int after) {
        this.after = after;
    }

    static void reset() {
        FAILED.set(false);
        checkpointed = false;
    }

    @Override
    public ReportInput map(ReportInput in) throws Exception {
        seen++;
        if (!FAILED.get()) {
            Thread.sleep(150); // lets checkpoints complete between inputs before the failure
            if (seen >= after && checkpointed) {
                FAILED.set(true);
                throw new IllegalStateException("injected failure at " + in.name + " (test)");
            }
        }
        return in;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}
