package io.kefu.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The groups Kefu's processes route work to. Departments are Camunda groups of type {@value #DEPARTMENT_TYPE}. */
public final class KefuGroups {

    public static final String AGENTS = "agents";
    public static final String SUPERVISORS = "supervisors";
    public static final String MANAGERS = "managers";
    public static final String AUDITORS = "auditors";
    public static final String ADMINS = "camunda-admin";
    /** Keeps the contract and customer archive (档案管理员): filing, loans, inspections. */
    public static final String ARCHIVISTS = "archivists";
    /** The customer-service director (客服总监): approves destruction of archive files. */
    public static final String DIRECTORS = "directors";
    /** Division leaders (事业部领导): approve field-visit plans for A customers and visit them quarterly. */
    public static final String DIVISION_LEADERS = "division-leaders";

    public static final String DEPARTMENT_TYPE = "DEPARTMENT";
    public static final String DEPARTMENT_PREFIX = "dept-";

    /** Departments the processes route to, with their names as users read them. */
    public enum Department {
        SALES("sales", "销售部"),
        BUSINESS("business", "业务部"),
        WAREHOUSE("warehouse", "仓储部"),
        FINANCE("finance", "财务部"),
        TECH("tech", "技术部"),
        SERVICE("service", "客服部");

        private final String code;
        private final String label;

        Department(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public String groupId() {
            return DEPARTMENT_PREFIX + code;
        }

        /** The department with this code (as forms submit it), if there is one. */
        public static Optional<Department> fromCode(String code) {
            return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
        }
    }

    /** Authorities Spring Security grants: one per Camunda group, and the two roles Kefu's API checks. */
    public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";
    /** Anyone who works cases (every group but auditors). */
    public static final String ROLE_STAFF = "ROLE_STAFF";
    public static final String ROLE_AUDITOR = "ROLE_AUDITOR";

    public static List<String> workingGroups() {
        return List.of(AGENTS, SUPERVISORS, MANAGERS, ARCHIVISTS, DIRECTORS, DIVISION_LEADERS);
    }

    private KefuGroups() {
    }
}
