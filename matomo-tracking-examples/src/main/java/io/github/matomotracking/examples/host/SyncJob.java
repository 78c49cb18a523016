package io.github.matomotracking.examples.host;

import io.github.matomotracking.sync.SyncFlow;
import io.github.matomotracking.sync.SyncReport;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The Quartz job that runs one flow of the sync engine. The flow is the job data
 * {@value #FLOW}; the engine comes from the scheduler context ({@value #SYNC}), which every
 * node fills with its own engine, so nothing but the flow's name is stored in the database.
 *
 * <p>{@link DisallowConcurrentExecution}: with a clustered job store, no two nodes run this job
 * (the same job key) at the same time, and a fire time is given to one node only.
 */
@DisallowConcurrentExecution
public class SyncJob implements Job {

  /** Job data key: the name of the {@link SyncFlow} to run. */
  public static final String FLOW = "flow";

  /** Scheduler context key: the node's {@link ScheduledSync}. */
  public static final String SYNC = "matomoTracking.scheduledSync";

  private static final Logger LOG = System.getLogger(SyncJob.class.getName());

  /** Created by Quartz for each execution. */
  public SyncJob() {}

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    ScheduledSync sync;
    try {
      sync = (ScheduledSync) context.getScheduler().getContext().get(SYNC);
    } catch (SchedulerException e) {
      throw new JobExecutionException("cannot read the scheduler context", e);
    }
    if (sync == null) {
      throw new JobExecutionException("no " + SYNC + " in the scheduler context of node "
          + instanceId(context));
    }
    SyncFlow flow;
    try {
      flow = SyncFlow.valueOf(context.getMergedJobDataMap().getString(FLOW));
    } catch (RuntimeException e) {
      throw new JobExecutionException("job " + context.getJobDetail().getKey()
          + " names no flow in its data (" + FLOW + ")", e);
    }
    SyncReport report = sync.run(flow);
    context.setResult(report);
    // Failures are not rethrown: the engine left a consistent state and the next run catches up.
    LOG.log(report.succeeded() ? Level.INFO : Level.WARNING, () -> flow + " on node "
        + instanceId(context) + ": " + report.visits() + " visits, " + report.failures().size()
        + " failures");
  }

  private static String instanceId(JobExecutionContext context) {
    try {
      return context.getScheduler().getSchedulerInstanceId();
    } catch (SchedulerException e) {
      return "?";
    }
  }
}
