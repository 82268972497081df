package io.kefu.audit;

import io.kefu.shared.time.TimeText;
import io.kefu.audit.CaseDirectory.CaseRow;
import io.kefu.audit.CaseTimeline.Diagram;
import io.kefu.audit.CaseTimeline.Timeline;
import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.DataAccessLog;
import io.kefu.shared.export.Csv;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Case search, timelines and the path on the diagram, for auditors, managers and everyone on their own cases. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseDirectory directory;
    private final CaseTimeline timelines;
    private final CustomerService customers;
    private final DataAccessLog accessLog;

    CaseController(CaseDirectory directory, CaseTimeline timelines, CustomerService customers, DataAccessLog accessLog) {
        this.directory = directory;
        this.timelines = timelines;
        this.customers = customers;
        this.accessLog = accessLog;
    }

    /** {@code ?type=complaint-handling&customer=C00012&from=2026-10-01&to=2026-10-31&participant=agent&status=open&breach=true}. */
    @GetMapping
    Page<CaseRow> search(CaseSearchForm form, @PageableDefault(size = 20) Pageable page) {
        return directory.search(form.toFilter(customers), CurrentUser.get(), page);
    }

    /** The case's story; {@code ?all=true} adds the technical steps (gateways, start and end events...). */
    @GetMapping("/{caseKey}/timeline")
    Timeline timeline(@PathVariable String caseKey, @RequestParam(defaultValue = "false") boolean all) {
        return timelines.of(caseKey, CurrentUser.get(), all);
    }

    @GetMapping("/{caseKey}/timeline.csv")
    ResponseEntity<byte[]> timelineCsv(@PathVariable String caseKey, @RequestParam(defaultValue = "false") boolean all) {
        CurrentUser user = CurrentUser.get();
        Timeline timeline = timelines.of(caseKey, user, all);
        accessLog.exported(user.id(), timeline.customerId(), timeline.caseKey(), "案件时间线 CSV");
        return Csv.download("timeline-" + timeline.caseKey() + ".csv", TimelineCsv.of(timeline));
    }

    /** The model (BPMN XML) and the elements the case passed; {@code instance} picks one of several instances. */
    @GetMapping("/{caseKey}/diagram")
    Diagram diagram(@PathVariable String caseKey, @RequestParam(required = false) String instance) {
        return timelines.diagram(caseKey, instance, CurrentUser.get());
    }

    /** The timeline as a spreadsheet reads it: the words, and beside them the codes they stand for. */
    static final class TimelineCsv {

        static String of(Timeline timeline) {
            return Csv.of(List.of("时间", "轮次", "来源", "类型", "人员", "事件", "详情", "详情(代码)", "流程节点",
                    "技术步骤"),
                    timeline.entries().stream().<List<?>>map(e -> List.of(TimeText.seconds(e.at()),
                            e.round() == null ? "" : "第" + e.round() + "轮",
                            e.source().label(), e.kind(), nullToEmpty(e.actor()), e.summary(), nullToEmpty(e.detail()),
                            e.code() != null ? e.code() : nullToEmpty(e.detail()), nullToEmpty(e.activityId()),
                            e.technical() ? "是" : "否")).toList());
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }

        private TimelineCsv() {
        }
    }
}
