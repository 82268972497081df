package io.kefu.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;

/**
 * A {@link CaseRecordHistory} for the common case: the case's record is one Envers-audited entity found by its number
 * (the business key, possibly with a prefix), with a customer. A feature subclasses it, names its processes, entity
 * and labels, and adds the {@link CaseKeys} subqueries it can answer and the events its record keeps.
 */
public abstract class EntityCaseHistory implements CaseRecordHistory {

    @PersistenceContext
    private EntityManager em;

    private final Set<String> processKeys;
    private final Class<?> entity;
    private final String keyField;
    private final String keyPrefix;
    private final String customerIdPath;
    private final RecordChanges.Labels labels;

    /**
     * @param keyField       the entity's field holding the business key (without {@code keyPrefix})
     * @param customerIdPath JPQL path from the entity to the customer's id ({@code customer.id}, {@code entry.customerId}),
     *                       or null when the record has no customer
     */
    protected EntityCaseHistory(Set<String> processKeys, Class<?> entity, String keyField, String keyPrefix,
            String customerIdPath, RecordChanges.Labels labels) {
        this.processKeys = Set.copyOf(processKeys);
        this.entity = entity;
        this.keyField = keyField;
        this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
        this.customerIdPath = customerIdPath;
        this.labels = labels;
    }

    @Override
    public boolean supports(String processKey) {
        return processKeys.contains(processKey);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> changes(String businessKey) {
        return changes(businessKey, null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> changes(String businessKey, FormLabels.Options options) {
        Optional<Object> id = idOf(businessKey);
        if (id.isEmpty()) {
            return List.of();
        }
        List<TimelineEntry> entries = new ArrayList<>(RecordChanges.of(em, entity, id.get(), labels, options));
        entries.addAll(events(em.find(entity, id.get())));
        return entries;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> customerId(String businessKey) {
        if (customerIdPath == null || !businessKey.startsWith(keyPrefix)) {
            return Optional.empty();
        }
        return em.createQuery("select e." + customerIdPath + " from " + entity.getSimpleName() + " e where e."
                        + keyField + " = :key", Long.class)
                .setParameter("key", businessKey.substring(keyPrefix.length()))
                .getResultStream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** One query for a whole page of cases. */
    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> customerIds(Collection<String> businessKeys) {
        List<String> numbers = businessKeys.stream().filter(k -> k.startsWith(keyPrefix))
                .map(k -> k.substring(keyPrefix.length())).distinct().toList();
        if (customerIdPath == null || numbers.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> ids = new HashMap<>();
        em.createQuery("select e." + keyField + ", e." + customerIdPath + " from " + entity.getSimpleName() + " e where e."
                        + keyField + " in :keys", Object[].class)
                .setParameter("keys", numbers)
                .getResultList().stream().filter(r -> r[1] != null)
                .forEach(r -> ids.put(keyPrefix + r[0], ((Number) r[1]).longValue()));
        return ids;
    }

    /** Events the record keeps besides its field changes (breaches, notes...); none by default. */
    protected List<TimelineEntry> events(Object record) {
        return List.of();
    }

    private Optional<Object> idOf(String businessKey) {
        if (!businessKey.startsWith(keyPrefix)) {
            return Optional.empty();
        }
        return em.createQuery("select e.id from " + entity.getSimpleName() + " e where e." + keyField + " = :key",
                        Object.class)
                .setParameter("key", businessKey.substring(keyPrefix.length()))
                .getResultStream().findFirst();
    }
}
