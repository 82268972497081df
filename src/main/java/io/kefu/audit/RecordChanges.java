package io.kefu.audit;

import io.kefu.shared.time.TimeText;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;

/**
 * Field-by-field changes of one Envers-audited record, with who ({@link KefuRevision#getUsername()}) and when: the
 * "record" part of a case timeline. Features call it from their {@link CaseRecordHistory}.
 */
public final class RecordChanges {

    /**
     * Bookkeeping fields every record has and no auditor needs to see change; the link to the engine's instance is an
     * id, which the timeline never shows (the process part of the timeline is that instance's story).
     */
    private static final Set<String> BOOKKEEPING = Set.of("createdAt", "updatedAt", "version", "processInstanceId",
            // the customer a case is about: a reference into the customer registry, named by the case itself
            "customerId",
            // a complaint round's count of the case notes from before it (which notes are its own)
            "notesBefore");
    private static final int LONGEST_VALUE = 200;

    /**
     * How to show one entity type: Chinese field labels, the fields that are personal data (shown masked), and where a
     * field's coded values take their labels from. By default a field's values are labelled by the form field of the
     * same name; {@code optionsFrom} names another form field ({@code "solutionDecision"}) or one whose option values
     * carry a prefix before the stored value ({@code "solutionDecision:OPTION_"} labels 1 as OPTION_1's label).
     */
    public record Labels(String recordName, Map<String, String> fields, Set<String> personalData,
            Map<String, String> optionsFrom) {

        public Labels(String recordName, Map<String, String> fields, Set<String> personalData) {
            this(recordName, fields, personalData, Map.of());
        }

        public String of(String field) {
            return fields.getOrDefault(field, field);
        }

        /** A value as the forms label it, or as {@link #text(Object)} shows it when no form does. */
        public String valueText(String field, Object value, FormLabels.Options options) {
            if (value != null && !(value instanceof Boolean) && options != null) {
                String from = optionsFrom.getOrDefault(field, field);
                int colon = from.indexOf(':');
                String key = colon < 0 ? from : from.substring(0, colon);
                String prefix = colon < 0 ? "" : from.substring(colon + 1);
                Object code = value instanceof Enum<?> e ? e.name() : value;
                Optional<String> label = options.label(key, prefix + code);
                if (label.isPresent()) {
                    return label.get();
                }
            }
            return text(value);
        }
    }

    /**
     * Every revision of the entity with this id, oldest first: its creation, then one entry per changed field.
     * Relations and collections are left out (features report what matters of them as events of their own).
     */
    public static List<TimelineEntry> of(EntityManager em, Class<?> type, Object id, Labels labels) {
        return of(em, type, id, labels, null);
    }

    /** The same, with coded values shown by the labels of the deployed forms (the raw codes kept as the entry's code). */
    public static List<TimelineEntry> of(EntityManager em, Class<?> type, Object id, Labels labels,
            FormLabels.Options options) {
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntity(type, false, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        List<Field> fields = auditedFields(type);
        List<TimelineEntry> entries = new ArrayList<>();
        Object previous = null;
        for (Object[] revision : revisions) {
            Object entity = revision[0];
            KefuRevision rev = (KefuRevision) revision[1];
            RevisionType revisionType = (RevisionType) revision[2];
            String actor = rev.getUsername() == null ? "system" : rev.getUsername();
            if (revisionType == RevisionType.ADD || previous == null) {
                entries.add(TimelineEntry.record(rev.getTimestamp(), "RECORD_CREATED", actor,
                        "创建" + labels.recordName(), summaryOf(entity, fields, labels, options)));
            } else if (revisionType == RevisionType.DEL) {
                entries.add(TimelineEntry.record(rev.getTimestamp(), "RECORD_DELETED", actor,
                        "删除" + labels.recordName(), null));
            } else {
                for (Field field : fields) {
                    Object before = read(field, previous);
                    Object after = read(field, entity);
                    if (!Objects.equals(before, after)) {
                        boolean personal = labels.personalData().contains(field.getName());
                        String shown = labels.valueText(field.getName(), before, options) + " → "
                                + labels.valueText(field.getName(), after, options);
                        String code = code(before) + " → " + code(after);
                        entries.add(TimelineEntry.record(rev.getTimestamp(), "FIELD_CHANGED", actor,
                                "修改 " + labels.of(field.getName()), personal ? "(个人资料,已遮蔽)" : shown)
                                .withCode(personal || code.equals(shown) ? null : code));
                    }
                }
            }
            previous = entity;
        }
        return entries;
    }

    private static String summaryOf(Object entity, List<Field> fields, Labels labels, FormLabels.Options options) {
        StringBuilder sb = new StringBuilder();
        for (Field field : fields) {
            Object value = read(field, entity);
            if (value != null && !labels.personalData().contains(field.getName())) {
                sb.append(sb.isEmpty() ? "" : ";").append(labels.of(field.getName())).append(": ")
                        .append(labels.valueText(field.getName(), value, options));
            }
        }
        return sb.toString();
    }

    private static List<Field> auditedFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || BOOKKEEPING.contains(f.getName())
                        || f.isAnnotationPresent(Id.class) || f.isAnnotationPresent(Version.class)
                        || f.isAnnotationPresent(ElementCollection.class) || f.isAnnotationPresent(OneToMany.class)
                        || f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(ManyToMany.class)
                        || f.isAnnotationPresent(OneToOne.class)) {
                    continue;
                }
                f.setAccessible(true);
                fields.add(f);
            }
        }
        return fields;
    }

    private static Object read(Field field, Object entity) {
        try {
            return field.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    /** A stored value as the database holds it (enum names, not labels), for the CSV's code column. */
    private static String code(Object value) {
        return value instanceof Enum<?> e ? e.name() : text(value);
    }

    /** A value as an auditor reads it: enums by their Chinese label, instants in Beijing time, long texts cut. */
    static String text(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Instant instant) {
            return TimeText.minutes(instant);
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof Enum<?> e) {
            try {
                return String.valueOf(e.getClass().getMethod("label").invoke(e));
            } catch (ReflectiveOperationException noLabel) {
                return e.name();
            }
        }
        String s = value.toString();
        return s.length() > LONGEST_VALUE ? s.substring(0, LONGEST_VALUE) + "…" : s;
    }

    private RecordChanges() {
    }
}
