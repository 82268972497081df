package io.kefu.notification;

import io.kefu.customer.Contact;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.notification.Notice.RecipientType;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns {@code noticeTo} into recipients: {@code customer} (email if the customer has one, else SMS to the first
 * contact's mobile; {@code noticeChannel} forces a channel), {@code user:<id>} (the staff member's email in Camunda),
 * {@code group:<id>} (every member with an email). A recipient who cannot be reached is a technical failure.
 */
@Component
class Recipients {

    static final String CUSTOMER = "customer";
    static final String USER_PREFIX = "user:";
    static final String GROUP_PREFIX = "group:";

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final CustomerService customers;
    private final IdentityService identityService;

    Recipients(CustomerService customers, IdentityService identityService) {
        this.customers = customers;
        this.identityService = identityService;
    }

    List<Recipient> resolve(String to, NoticeChannel forced, Long customerId) {
        String spec = to == null ? "" : to.trim();
        if (spec.equals(CUSTOMER)) {
            if (customerId == null) {
                throw new NoticeFailure("通知对象为客户,但没有客户 (流程变量 customerId)");
            }
            return List.of(customer(customerId, forced));
        }
        if (spec.startsWith(USER_PREFIX) && !spec.substring(USER_PREFIX.length()).isBlank()) {
            return List.of(staff(spec.substring(USER_PREFIX.length()).trim(), forced));
        }
        if (spec.startsWith(GROUP_PREFIX) && !spec.substring(GROUP_PREFIX.length()).isBlank()) {
            return group(spec.substring(GROUP_PREFIX.length()).trim(), forced);
        }
        throw new NoticeFailure("通知对象无效: '" + spec + "' (应为 customer、user:<用户>或 group:<用户组>)");
    }

    CustomerDetails customer(long customerId) {
        return customers.byId(customerId)
                .orElseThrow(() -> new NoticeFailure("客户 " + customerId + " 不存在"));
    }

    CustomerDetails customerByCode(String code) {
        return customers.byCode(code)
                .orElseThrow(() -> new NoticeFailure("流程变量 customerId 不是已登记的客户: " + code));
    }

    private Recipient customer(long customerId, NoticeChannel forced) {
        CustomerDetails customer = customer(customerId);
        String email = customer.email();
        String mobile = customer.contacts().stream().map(Contact::getPhone)
                .filter(p -> p != null && !p.isBlank()).findFirst().orElse(null);
        NoticeChannel channel = forced != null ? forced : email != null ? NoticeChannel.EMAIL : NoticeChannel.SMS;
        String address = channel == NoticeChannel.EMAIL ? email : mobile;
        if (address == null) {
            throw new NoticeFailure("客户 " + customer.code() + " 没有" + (channel == NoticeChannel.EMAIL
                    ? "电子邮箱" : "手机号码") + ",无法发送" + channel.label());
        }
        return new Recipient(RecipientType.CUSTOMER, String.valueOf(customerId), customer.name(), channel, address,
                customerId);
    }

    private Recipient staff(String userId, NoticeChannel forced) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new NoticeFailure("用户 " + userId + " 不存在");
        }
        return staff(user, forced).orElseThrow(() -> new NoticeFailure("用户 " + userId + " 没有电子邮箱"));
    }

    private List<Recipient> group(String groupId, NoticeChannel forced) {
        List<User> members = identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list();
        List<Recipient> recipients = members.stream().flatMap(u -> staff(u, forced).stream()).toList();
        if (recipients.isEmpty()) {
            throw new NoticeFailure("用户组 " + groupId + " 没有可以通知的成员 (成员需要电子邮箱)");
        }
        if (recipients.size() < members.size()) {
            log.warn("Notice to group {}: {} of {} members have no email and get none", groupId,
                    members.size() - recipients.size(), members.size());
        }
        return recipients;
    }

    /** Staff are reached by email (Camunda keeps no mobile numbers). */
    private static Optional<Recipient> staff(User user, NoticeChannel forced) {
        if (forced != null && forced != NoticeChannel.EMAIL) {
            throw new NoticeFailure("员工只能通过电子邮件通知 (noticeChannel=" + forced + ")");
        }
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(RecipientType.USER, user.getId(), fullName(user), NoticeChannel.EMAIL,
                user.getEmail().trim(), null));
    }

    private static String fullName(User user) {
        String name = ((user.getLastName() == null ? "" : user.getLastName())
                + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
