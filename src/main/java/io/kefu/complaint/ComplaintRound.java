package io.kefu.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.envers.Audited;

/**
 * One round of handling a complaint (处理轮次): its investigation, solution options, the decision on them,
 * implementation, the customer's acceptance and the return visit, each with who and when. A complaint starts with
 * round 1; a 不满意 return visit opens the next round, and the earlier rounds stay as they were. The forms always work
 * on the complaint's current (latest) round.
 */
@Entity
@Table(name = "complaint_round")
@Audited
public class ComplaintRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "complaint_id", nullable = false, updatable = false)
    private Complaint complaint;

    /** 1 for the first handling, 2 after the first 不满意 return visit, ... */
    @Column(name = "round_no", nullable = false, updatable = false)
    private int number;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    // investigation (展开调查); the cause type is judged at the assessment of round 1
    @Column(name = "department", length = 30)
    private String department;

    @Column(name = "cause_type", length = 30)
    private String causeType;

    @Column(name = "findings", columnDefinition = "text")
    private String findings;

    @Column(name = "responsible_person", length = 100)
    private String responsiblePerson;

    @Column(name = "investigated_by", length = 64)
    private String investigatedBy;

    @Column(name = "investigated_at")
    private Instant investigatedAt;

    // solution options (提出处理方案)
    @Column(name = "solution_option1", columnDefinition = "text")
    private String solutionOption1;

    @Column(name = "solution_option2", columnDefinition = "text")
    private String solutionOption2;

    @Column(name = "solution_option3", columnDefinition = "text")
    private String solutionOption3;

    @Column(name = "proposed_by", length = 64)
    private String proposedBy;

    @Column(name = "proposed_at")
    private Instant proposedAt;

    // decision (主管领导 or 经理): the option adopted, null while none is
    @Column(name = "chosen_option")
    private Integer chosenOption;

    @Column(name = "decision_instruction", columnDefinition = "text")
    private String decisionInstruction;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    // implementation (实施处理方案)
    @Column(name = "implementation_notes", columnDefinition = "text")
    private String implementationNotes;

    @Column(name = "penalties", columnDefinition = "text")
    private String penalties;

    @Column(name = "implemented_by", length = 64)
    private String implementedBy;

    @Column(name = "implemented_at")
    private Instant implementedAt;

    // customer acceptance (通知客户并确认)
    @Column(name = "customer_accepted")
    private Boolean customerAccepted;

    @Column(name = "acceptance_method", length = 30)
    private String acceptanceMethod;

    @Column(name = "acceptance_reference", length = 200)
    private String acceptanceReference;

    @Column(name = "confirmed_by", length = 64)
    private String confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    // return visit (投诉回访)
    @Enumerated(EnumType.STRING)
    @Column(name = "satisfaction", length = 20)
    private Satisfaction satisfaction;

    @Column(name = "visit_remarks", columnDefinition = "text")
    private String visitRemarks;

    @Column(name = "visited_by", length = 64)
    private String visitedBy;

    @Column(name = "visited_at")
    private Instant visitedAt;

    /**
     * How many case notes the complaint had when this round opened: the notes and instructions from this position on
     * belong to the round (their times cannot tell, MySQL keeps whole seconds). Null for rounds made by the V10
     * backfill.
     */
    @Column(name = "notes_before")
    private Integer notesBefore;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ComplaintRound() {
    }

    ComplaintRound(Complaint complaint, int number, String department, Instant openedAt, int notesBefore) {
        this.complaint = complaint;
        this.number = number;
        this.department = department;
        this.openedAt = openedAt;
        this.notesBefore = notesBefore;
    }

    void assign(String department, String causeType) {
        this.department = department;
        if (causeType != null) {
            this.causeType = causeType;
        }
    }

    void recordFindings(String findings, String responsiblePerson, String by, Instant at) {
        this.findings = findings;
        this.responsiblePerson = responsiblePerson;
        this.investigatedBy = by;
        this.investigatedAt = at;
    }

    /** New options replace the earlier ones of this round (after a rejection) and need a new decision. */
    void proposeSolutions(String option1, String option2, String option3, String by, Instant at) {
        this.solutionOption1 = option1;
        this.solutionOption2 = option2;
        this.solutionOption3 = option3;
        this.proposedBy = by;
        this.proposedAt = at;
        this.chosenOption = null;
        this.decisionInstruction = null;
        this.decidedBy = null;
        this.decidedAt = null;
    }

    void decide(Integer option, String instruction, String by, Instant at) {
        if (option != null && optionText(option) == null) {
            throw new IllegalArgumentException("方案" + option + "未填写,不能采用");
        }
        this.chosenOption = option;
        this.decisionInstruction = instruction;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void recordImplementation(String notes, String penalties, String by, Instant at) {
        this.implementationNotes = notes;
        this.penalties = penalties;
        this.implementedBy = by;
        this.implementedAt = at;
    }

    void recordCustomerResponse(boolean accepted, String method, String reference, String by, Instant at) {
        this.customerAccepted = accepted;
        this.acceptanceMethod = accepted ? method : null;
        this.acceptanceReference = accepted ? reference : null;
        this.confirmedBy = by;
        this.confirmedAt = at;
    }

    void recordReturnVisit(Satisfaction satisfaction, String remarks, String by, Instant at) {
        this.satisfaction = satisfaction;
        this.visitRemarks = remarks;
        this.visitedBy = by;
        this.visitedAt = at;
    }

    public String optionText(int option) {
        return switch (option) {
            case 1 -> solutionOption1;
            case 2 -> solutionOption2;
            case 3 -> solutionOption3;
            default -> null;
        };
    }

    public Long getId() { return id; }
    public Complaint getComplaint() { return complaint; }
    public int getNumber() { return number; }
    public Instant getOpenedAt() { return openedAt; }
    public Integer getNotesBefore() { return notesBefore; }
    public String getDepartment() { return department; }
    public String getCauseType() { return causeType; }
    public String getFindings() { return findings; }
    public String getResponsiblePerson() { return responsiblePerson; }
    public String getInvestigatedBy() { return investigatedBy; }
    public Instant getInvestigatedAt() { return investigatedAt; }
    public String getProposedBy() { return proposedBy; }
    public Instant getProposedAt() { return proposedAt; }
    public Integer getChosenOption() { return chosenOption; }
    public String getDecisionInstruction() { return decisionInstruction; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getImplementationNotes() { return implementationNotes; }
    public String getPenalties() { return penalties; }
    public String getImplementedBy() { return implementedBy; }
    public Instant getImplementedAt() { return implementedAt; }
    public Boolean getCustomerAccepted() { return customerAccepted; }
    public String getAcceptanceMethod() { return acceptanceMethod; }
    public String getAcceptanceReference() { return acceptanceReference; }
    public String getConfirmedBy() { return confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public Satisfaction getSatisfaction() { return satisfaction; }
    public String getVisitRemarks() { return visitRemarks; }
    public String getVisitedBy() { return visitedBy; }
    public Instant getVisitedAt() { return visitedAt; }
}
