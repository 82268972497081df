package io.kefu.staffreview;

import io.kefu.shared.time.Now;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.hibernate.envers.Audited;

/**
 * 员工月度考评: one employee's scorecard for one month — the figures Kefu computed from the records, the manager's five
 * 1–5 scores (004: 工作量、完成工作及时性、工作效果有效性、工作中协调配合、工作态度), the grade and the employee's
 * acknowledgement. An objection goes back to the manager once.
 */
@Entity
@Table(name = "staff_review")
@Audited
public class StaffReview {

    public enum Status {
        SCORING("待经理评分"), ACKNOWLEDGING("待员工确认"), RECONSIDERING("员工有异议,经理复核"),
        COMPLETED("已完成");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The five scores of the assessment form, in its order. */
    public record Scores(Integer workload, Integer timeliness, Integer effectiveness, Integer cooperation,
            Integer attitude) {

        public List<Integer> all() {
            return java.util.Arrays.asList(workload, timeliness, effectiveness, cooperation, attitude);
        }

        /** The mean of the five, two decimals; null until scored. */
        public BigDecimal average() {
            if (all().stream().anyMatch(java.util.Objects::isNull)) {
                return null;
            }
            int sum = all().stream().mapToInt(Integer::intValue).sum();
            return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(5), 2, RoundingMode.HALF_UP);
        }
    }

    /** What Kefu counted from its records for the month (docs/kpis.md, 员工月度考评). */
    public record Figures(int tasksCompleted, int tasksOnTime, int slaBreaches, int complaintsAgainst,
            int casesOwned, int visitsRated, int visitsSatisfied, int violations) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** 考评编号, e.g. KP2026-00002: the process business key. */
    @Column(name = "review_no", length = 20, unique = true)
    private String reviewNo;

    @Column(name = "employee", length = 64, nullable = false, updatable = false)
    private String employee;

    /** yyyy-MM. */
    @Column(name = "review_month", length = 7, nullable = false, updatable = false)
    private String reviewMonth;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private Status status;

    @Column(name = "tasks_completed", nullable = false)
    private int tasksCompleted;
    @Column(name = "tasks_on_time", nullable = false)
    private int tasksOnTime;
    @Column(name = "sla_breaches", nullable = false)
    private int slaBreaches;
    @Column(name = "complaints_against", nullable = false)
    private int complaintsAgainst;
    @Column(name = "cases_owned", nullable = false)
    private int casesOwned;
    @Column(name = "visits_rated", nullable = false)
    private int visitsRated;
    @Column(name = "visits_satisfied", nullable = false)
    private int visitsSatisfied;
    @Column(name = "violations", nullable = false)
    private int violations;

    @Column(name = "score_workload")
    private Integer scoreWorkload;
    @Column(name = "score_timeliness")
    private Integer scoreTimeliness;
    @Column(name = "score_effectiveness")
    private Integer scoreEffectiveness;
    @Column(name = "score_cooperation")
    private Integer scoreCooperation;
    @Column(name = "score_attitude")
    private Integer scoreAttitude;

    @Column(name = "manager_comment", columnDefinition = "text")
    private String managerComment;
    @Column(name = "scored_by", length = 64)
    private String scoredBy;
    @Column(name = "scored_at")
    private Instant scoredAt;

    @Column(name = "grade", length = 1)
    private String grade;
    @Column(name = "grade_reason", length = 200)
    private String gradeReason;

    @Column(name = "objection", columnDefinition = "text")
    private String objection;
    /** The employee objected once and the manager looked again: a second objection is recorded, not re-reviewed. */
    @Column(name = "reconsidered", nullable = false)
    private boolean reconsidered;
    @Column(name = "acknowledged_by", length = 64)
    private String acknowledgedBy;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "started_by", length = 64, nullable = false, updatable = false)
    private String startedBy;
    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;
    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Version
    private long version;

    protected StaffReview() {
    }

    StaffReview(String employee, String reviewMonth, String startedBy, Figures figures) {
        this.employee = employee;
        this.reviewMonth = reviewMonth;
        this.startedBy = startedBy;
        this.startedAt = Now.instant();
        this.status = Status.SCORING;
        recount(figures);
    }

    void numberFromId() {
        if (reviewNo == null) {
            reviewNo = String.format("KP%s-%05d", reviewMonth.substring(0, 4), id);
        }
    }

    void linkProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The figures as the records show them now (recounted when the manager scores again). */
    void recount(Figures figures) {
        this.tasksCompleted = figures.tasksCompleted();
        this.tasksOnTime = figures.tasksOnTime();
        this.slaBreaches = figures.slaBreaches();
        this.complaintsAgainst = figures.complaintsAgainst();
        this.casesOwned = figures.casesOwned();
        this.visitsRated = figures.visitsRated();
        this.visitsSatisfied = figures.visitsSatisfied();
        this.violations = figures.violations();
    }

    void score(Scores scores, String comment, String manager) {
        this.scoreWorkload = scores.workload();
        this.scoreTimeliness = scores.timeliness();
        this.scoreEffectiveness = scores.effectiveness();
        this.scoreCooperation = scores.cooperation();
        this.scoreAttitude = scores.attitude();
        this.managerComment = comment;
        this.scoredBy = manager;
        this.scoredAt = Now.instant();
    }

    void grade(String grade, String reason) {
        this.grade = grade;
        this.gradeReason = reason;
        this.status = Status.ACKNOWLEDGING;
    }

    void acknowledge(String employee) {
        this.acknowledgedBy = employee;
        this.acknowledgedAt = Now.instant();
    }

    /** 有异议: kept; the first goes back to the manager, a second stands next to the grade. */
    boolean object(String reason) {
        this.objection = objection == null ? reason : objection + "\n(复核后)" + reason;
        if (reconsidered) {
            return false;
        }
        this.reconsidered = true;
        this.status = Status.RECONSIDERING;
        return true;
    }

    void complete() {
        this.status = Status.COMPLETED;
        this.completedAt = Now.instant();
    }

    public Scores getScores() {
        return new Scores(scoreWorkload, scoreTimeliness, scoreEffectiveness, scoreCooperation, scoreAttitude);
    }

    public Figures getFigures() {
        return new Figures(tasksCompleted, tasksOnTime, slaBreaches, complaintsAgainst, casesOwned, visitsRated,
                visitsSatisfied, violations);
    }

    public Long getId() {
        return id;
    }

    public String getReviewNo() {
        return reviewNo;
    }

    public String getEmployee() {
        return employee;
    }

    public String getReviewMonth() {
        return reviewMonth;
    }

    public Status getStatus() {
        return status;
    }

    public String getManagerComment() {
        return managerComment;
    }

    public String getScoredBy() {
        return scoredBy;
    }

    public String getGrade() {
        return grade;
    }

    public String getGradeReason() {
        return gradeReason;
    }

    public String getObjection() {
        return objection;
    }

    public boolean isReconsidered() {
        return reconsidered;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
