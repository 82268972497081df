package io.kefu.demo;

import io.kefu.customer.CustomerService;
import io.kefu.inquiry.InquiryCategory;
import io.kefu.inquiry.InquiryChannel;
import io.kefu.inquiry.InquiryOutcome;
import io.kefu.inquiry.InquiryRequest;
import io.kefu.inquiry.InquiryService;
import io.kefu.shared.time.Now;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sixty demo inquiries over the last two months (mostly franchise and agency inquiries on the hotline, some turned into
 * prospects), so that 热线招商加盟咨询统计 has figures at once. Created once: nothing happens when any inquiry exists.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "kefu.demo.enabled", havingValue = "true")
class DemoInquiries implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInquiries.class);

    private static final int COUNT = 60;
    private static final List<String> REGIONS = List.of("广东省广州市", "广东省深圳市", "浙江省杭州市", "江苏省南京市",
            "四川省成都市", "湖北省武汉市", "上海市", "北京市", "福建省厦门市", "山东省济南市", "河南省郑州市", "湖南省长沙市");
    private static final List<String> NAMES = List.of("陈先生", "李女士", "王先生", "张女士", "刘先生", "黄女士", "赵先生",
            "周女士");
    private static final List<String> DEPARTMENTS = List.of("sales", "business", "tech", "warehouse");

    private final InquiryService inquiries;
    private final CustomerService customers;
    private final TransactionTemplate transaction;

    DemoInquiries(InquiryService inquiries, CustomerService customers, TransactionTemplate transaction) {
        this.inquiries = inquiries;
        this.customers = customers;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (inquiries.anyRecorded()) {
            return;
        }
        Random random = new Random(20261124L);
        Instant now = Now.instant();
        transaction.executeWithoutResult(s -> {
            for (int i = 0; i < COUNT; i++) {
                InquiryCategory category = pick(random, InquiryCategory.FRANCHISE, InquiryCategory.FRANCHISE,
                        InquiryCategory.FRANCHISE, InquiryCategory.AGENCY, InquiryCategory.AGENCY,
                        InquiryCategory.PRODUCT, InquiryCategory.AFTER_SALES, InquiryCategory.OTHER);
                InquiryChannel channel = pick(random, InquiryChannel.HOTLINE, InquiryChannel.HOTLINE,
                        InquiryChannel.HOTLINE, InquiryChannel.ONLINE, InquiryChannel.ONLINE, InquiryChannel.WALK_IN,
                        InquiryChannel.OTHER);
                InquiryOutcome outcome = outcome(random, category);
                // existing customers ask about products and after-sales, newcomers about franchising and agencies
                Long customerId = category == InquiryCategory.PRODUCT || category == InquiryCategory.AFTER_SALES
                        ? customers.byCode(String.format("C%05d", 1 + random.nextInt(120))).map(c -> c.id())
                                .orElse(null)
                        : null;
                Instant receivedAt = now.minus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 60)));
                inquiries.record(new InquiryRequest(receivedAt, channel, category, NAMES.get(random.nextInt(NAMES.size())),
                        "139" + String.format("%08d", random.nextInt(100_000_000)),
                        random.nextInt(10) == 0 ? null : REGIONS.get(random.nextInt(REGIONS.size())), customerId,
                        summary(category), outcome,
                        outcome == InquiryOutcome.REFERRED ? DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())) : null),
                        random.nextInt(3) == 0 ? "agent2" : "agent");
            }
        });
        log.info("Demo inquiries created: {} over the last two months", COUNT);
    }

    private static InquiryOutcome outcome(Random random, InquiryCategory category) {
        return switch (category) {
            case FRANCHISE, AGENCY -> pick(random, InquiryOutcome.ANSWERED, InquiryOutcome.ANSWERED,
                    InquiryOutcome.PROSPECT, InquiryOutcome.REFERRED);
            case AFTER_SALES -> pick(random, InquiryOutcome.ANSWERED, InquiryOutcome.REFERRED,
                    InquiryOutcome.COMPLAINT);
            default -> pick(random, InquiryOutcome.ANSWERED, InquiryOutcome.ANSWERED, InquiryOutcome.REFERRED);
        };
    }

    private static String summary(InquiryCategory category) {
        return switch (category) {
            case FRANCHISE -> "咨询加盟条件、加盟费用及开店支持";
            case AGENCY -> "咨询区域代理政策及代理商资质要求";
            case PRODUCT -> "咨询新品规格、价格及供货周期";
            case AFTER_SALES -> "咨询退换货流程及维修进度";
            case OTHER -> "咨询公司地址及招聘信息";
        };
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
