package de.integrationsmonitor.batch;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

/**
 * Hands partitions to the task executor in the order of their names (file-0001, file-0002, ...), where Spring Batch
 * would take them in the order of a hash set: files are ingested in the order they were given, so that delivery ids
 * follow it, and reports are rendered in AGS order.
 */
final class OrderedPartitionHandler extends TaskExecutorPartitionHandler {

    static OrderedPartitionHandler of(Step step, TaskExecutor executor, int gridSize) {
        OrderedPartitionHandler handler = new OrderedPartitionHandler();
        handler.setStep(step);
        handler.setTaskExecutor(executor);
        handler.setGridSize(gridSize);
        return handler;
    }

    /** Partitions one after the other in this thread. */
    static OrderedPartitionHandler sequential(Step step) {
        return of(step, new SyncTaskExecutor(), 1);
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        Set<StepExecution> ordered = new LinkedHashSet<>();
        partitions.stream()
                .sorted(Comparator.comparing(StepExecution::getStepName))
                .forEach(ordered::add);
        return super.doHandle(manager, ordered);
    }
}
