package io.kefu.demo;

import io.kefu.archive.ArchiveEntry;
import io.kefu.archive.ArchiveKind;
import io.kefu.archive.ArchiveLoan;
import io.kefu.archive.ArchiveLoanService;
import io.kefu.archive.ArchiveLoanService.LoanRequest;
import io.kefu.archive.ArchiveService;
import io.kefu.archive.ArchiveService.FilingRequest;
import io.kefu.archive.LoanKind;
import io.kefu.archive.SecrecyClass;
import io.kefu.archive.process.ArchiveLoanProcess;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive of the demo: a dozen files of demo customers (contracts 秘密, customer data 机密, notices 普通), one
 * loan out and within its time, and one overdue, whose reminders and the managers' 逾期借阅督办 task a newcomer
 * finds right after the first start. Created once, when the archive is empty.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "kefu.demo.enabled", havingValue = "true")
class ArchiveDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ArchiveDemoData.class);

    private final ArchiveService archive;
    private final ArchiveLoanService loans;
    private final CustomerService customers;
    private final TaskService taskService;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ArchiveDemoData(ArchiveService archive, ArchiveLoanService loans, CustomerService customers,
            TaskService taskService, JdbcTemplate jdbc,
            TransactionTemplate transaction) {
        this.archive = archive;
        this.loans = loans;
        this.customers = customers;
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer filed = jdbc.queryForObject("select count(*) from archive_entry", Integer.class);
        if (filed != null && filed > 0) {
            return;
        }
        List<ArchiveEntry> entries = transaction.execute(status -> fileDemoEntries());
        if (entries == null || entries.isEmpty()) {
            return;
        }
        // a loan out since yesterday (due in two days) and one lent five days ago (3-day staff loan: overdue)
        lend(entries.get(0), "agent", Duration.ofDays(1));
        lend(entries.get(2), "agent2", Duration.ofDays(5));
        log.info("Demo archive created: {} files, 2 loans (one overdue)", entries.size());
    }

    private List<ArchiveEntry> fileDemoEntries() {
        String[][] files = {
                // customer code, title, kind, secrecy, location, department
                {"C00001", "代理合同(正本)", "CONTRACT", "SECRET", "档案室一-A柜-01层", "service"},
                {"C00001", "客户资质评级表", "CUSTOMER_FILE", "CLASSIFIED", "档案室一-机密柜-01层", "service"},
                {"C00031", "加盟合同(正本)", "CONTRACT", "SECRET", "档案室一-A柜-02层", "service"},
                {"C00031", "保密协议", "CONTRACT", "SECRET", "档案室一-A柜-02层", "service"},
                {"C00031", "客户信用评估报告", "CUSTOMER_FILE", "CLASSIFIED", "档案室一-机密柜-01层", "finance"},
                {"C00032", "加盟合同(正本)", "CONTRACT", "SECRET", "档案室一-A柜-03层", "service"},
                {"C00061", "经销合同", "CONTRACT", "SECRET", "档案室一-B柜-01层", "sales"},
                {"C00061", "客户基本资料表", "CUSTOMER_FILE", "CLASSIFIED", "档案室一-机密柜-02层", "sales"},
                {"C00062", "客户销售统计表(2026年度)", "CUSTOMER_FILE", "SECRET", "档案室一-B柜-02层", "sales"},
                {"C00091", "会员服务协议", "CONTRACT", "ORDINARY", "档案室一-C柜-01层", "service"},
                {"C00002", "调价通知(公函)", "NOTICE", "ORDINARY", "档案室一-C柜-02层", "service"},
                {"C00033", "开业调查报告", "OTHER", "ORDINARY", "档案室一-C柜-03层", "service"},
        };
        return java.util.Arrays.stream(files)
                .flatMap(f -> customers.byCode(f[0]).stream().map(customer -> file(customer, f)))
                .toList();
    }

    private ArchiveEntry file(CustomerDetails customer, String[] f) {
        return archive.file(new FilingRequest(customer.name() + " " + f[1], ArchiveKind.valueOf(f[2]), null,
                customer.id(), f[4], 1, "CONTRACT".equals(f[2]) ? 1 : 0, SecrecyClass.valueOf(f[3]), f[5]));
    }

    /** Runs the loan through request, approval and hand-out as if it happened {@code ago}. */
    private void lend(ArchiveEntry entry, String borrower, Duration ago) {
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() - ago.toMillis()));
        try {
            ArchiveLoan loan = transaction.execute(status -> loans.openLoan(
                    new LoanRequest(entry.getArchiveNo(), LoanKind.STAFF, 1, "核对合同条款,处理客户咨询", null, null),
                    borrower));
            complete(loan, ArchiveLoanProcess.TASK_APPROVE, "manager",
                    Map.of(ArchiveLoanProcess.LOAN_APPROVED, true, "decisionNote", "同意,按期归还"));
            complete(loan, ArchiveLoanProcess.TASK_HAND_OUT, "archivist",
                    Map.of("handedOut", true, "handOutReference", "登记册 第 1 页"));
        } finally {
            ClockUtil.reset();
        }
    }

    private void complete(ArchiveLoan loan, String taskKey, String user, Map<String, Object> form) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(loan.getLoanNo())
                .taskDefinitionKey(taskKey).singleResult();
        // as the system, like the other demo data: the claim makes the user the one who did it
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), form);
    }
}
