package io.kefu.identity;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/**
 * Closes what Camunda's authorizations leave open, inside the engine, so that {@code /engine-rest},
 * {@code /camunda/api/engine} (Tasklist, Cockpit) and Java calls are all held to the same rules:
 * <ul>
 *   <li>Jobs that belong to no process definition (history cleanup, batch jobs) are only for administrators:
 *       Camunda checks a job through its process definition/instance and lets such jobs pass unchecked.</li>
 *   <li>Suspending or activating jobs, and suspending, activating or re-prioritising job definitions, is only for
 *       administrators: Camunda checks these through the process instance or definition and does not check them at
 *       all for jobs and job definitions without one (history cleanup, batches).</li>
 *   <li>Comments and attachments need the right to work the task ({@code TASK_WORK} or {@code UPDATE}) or to update the
 *       process instance; Camunda checks nothing when they are added, so readers such as auditors could write.</li>
 *   <li>A new user may read, not edit, their own profile and password (Camunda's default grants ALL on it);
 *       administrators keep editing every user.</li>
 *   <li>Failed logins, through every route that checks a password, are logged and counted
 *       ({@link LoginFailureRecorder}).</li>
 * </ul>
 */
@Component
class EngineAuthorizationPlugin extends AbstractProcessEnginePlugin {

    private final LoginFailures loginFailures;

    EngineAuthorizationPlugin(MeterRegistry meterRegistry) {
        this.loginFailures = new LoginFailures(meterRegistry);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandChecker> checkers = new ArrayList<>();
        checkers.add(new TenantCommandChecker());
        checkers.add(new StandaloneJobsForAdmins());
        configuration.setCommandCheckers(checkers);

        configuration.setCustomPreCommandInterceptorsTxRequired(
                withJobControlsGuard(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withJobControlsGuard(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));

        configuration.setTaskService(new WorkersWriteCommentsTaskService());
        configuration.setResourceAuthorizationProvider(new OwnProfileReadOnly());
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                // a writable provider: Camunda registers it for reads and writes (users, groups, memberships)
                return LoginFailureRecorder.class;
            }

            @Override
            public Session openSession() {
                return new LoginFailureRecorder(loginFailures);
            }
        });
    }

    private static List<CommandInterceptor> withJobControlsGuard(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(new JobControlsForAdmins());
        return all;
    }

    /** Camunda's authorization checks, but a job without a process definition needs an administrator. */
    static class StandaloneJobsForAdmins extends AuthorizationCommandChecker {

        @Override
        public void checkUpdateJob(JobEntity job) {
            if (job.getProcessDefinitionKey() == null) {
                Context.getCommandContext().getAuthorizationManager().checkCamundaAdmin();
            } else {
                super.checkUpdateJob(job);
            }
        }

        @Override
        public void checkUpdateRetriesJob(JobEntity job) {
            if (job.getProcessDefinitionKey() == null) {
                Context.getCommandContext().getAuthorizationManager().checkCamundaAdmin();
            } else {
                super.checkUpdateRetriesJob(job);
            }
        }
    }

    /**
     * Suspending or activating a job, and suspending, activating or re-prioritising a job definition, needs an
     * administrator (engine-internal calls without an authenticated user, such as the job executor's, are not checked,
     * as everywhere in Camunda).
     */
    static class JobControlsForAdmins extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof AbstractSetJobStateCmd || command instanceof AbstractSetJobDefinitionStateCmd
                    || command instanceof SetJobDefinitionPriorityCmd) {
                return next.execute(context -> {
                    context.getAuthorizationManager().checkCamundaAdmin();
                    return command.execute(context);
                });
            }
            return next.execute(command);
        }
    }

    /** Comments and attachments are written by those who may work the task or update the case. */
    static class WorkersWriteCommentsTaskService extends TaskServiceImpl {

        @Override
        public Comment createComment(String taskId, String processInstanceId, String message) {
            return commandExecutor.execute(guarded(taskId, processInstanceId,
                    new AddCommentCmd(taskId, processInstanceId, message)));
        }

        @Override
        public void addComment(String taskId, String processInstanceId, String message) {
            createComment(taskId, processInstanceId, message);
        }

        @Override
        public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId,
                String attachmentName, String attachmentDescription, java.io.InputStream content) {
            return commandExecutor.execute(guarded(taskId, processInstanceId, new CreateAttachmentCmd(attachmentType,
                    taskId, processInstanceId, attachmentName, attachmentDescription, content, null)));
        }

        @Override
        public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId,
                String attachmentName, String attachmentDescription, String url) {
            return commandExecutor.execute(guarded(taskId, processInstanceId, new CreateAttachmentCmd(attachmentType,
                    taskId, processInstanceId, attachmentName, attachmentDescription, null, url)));
        }

        @Override
        public void deleteTaskAttachment(String taskId, String attachmentId) {
            commandExecutor.execute(guarded(taskId, null, new DeleteAttachmentCmd(taskId, attachmentId)));
        }

        @Override
        public void deleteAttachment(String attachmentId) {
            commandExecutor.execute(context -> {
                requireWorkOn(context, context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId));
                return new DeleteAttachmentCmd(attachmentId).execute(context);
            });
        }

        @Override
        public void saveAttachment(Attachment attachment) {
            commandExecutor.execute(context -> {
                requireWorkOn(context, context.getDbEntityManager().selectById(AttachmentEntity.class,
                        attachment.getId()));
                return new SaveAttachmentCmd(attachment).execute(context);
            });
        }

        private static <T> Command<T> guarded(String taskId, String processInstanceId, Command<T> command) {
            return context -> {
                requireWork(context, taskId, processInstanceId);
                return command.execute(context);
            };
        }

        private static void requireWorkOn(CommandContext context, AttachmentEntity attachment) {
            if (attachment != null) {
                requireWork(context, attachment.getTaskId(), attachment.getProcessInstanceId());
            }
        }

        /** Unknown tasks and instances are left to the command itself, which answers "not found". */
        private static void requireWork(CommandContext context, String taskId, String processInstanceId) {
            List<CommandChecker> checkers = context.getProcessEngineConfiguration().getCommandCheckers();
            if (taskId != null) {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task != null) {
                    checkers.forEach(checker -> checker.checkTaskWork(task));
                    return;
                }
            }
            if (processInstanceId != null) {
                checkers.forEach(checker -> checker.checkUpdateProcessInstanceById(processInstanceId));
            }
        }
    }

    /** Camunda's default authorizations, but a user's own profile is theirs to read, not to edit. */
    static class OwnProfileReadOnly extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newUser(User user) {
            return new AuthorizationEntity[] {
                    createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(), Permissions.READ)};
        }
    }
}
