package io.kefu.archive.process;

import io.kefu.archive.ArchiveSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Configuration the archive's BPMN reads by name. */
@Configuration(proxyBeanMethods = false)
class ArchiveProcessConfig {

    /**
     * {@code ${archiveInspectionCycle}}: the timer start event of archive-inspection. The engine reads it when the
     * BPMN is deployed; after changing it, redeploy (or restart with a changed BPMN) for the next inspection date.
     */
    @Bean
    String archiveInspectionCycle(ArchiveSettings settings) {
        return settings.inspectionCycle();
    }
}
