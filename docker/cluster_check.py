#!/usr/bin/env python3
"""Kefu cluster check: two nodes, one database. Started by docker/cluster-test.sh (which prepares the database).

Starts node A (18081) and node B (18082) as `java -jar`, both with the job executor on, then:
  1. a complaint created through A has its first task completed through B; the next task shows on both nodes;
  2. SLA timers made due at once (engine REST: job due date = now) fire exactly once across both job executors;
  3. under a load of cases created and worked on alternately on A and B, A is killed with SIGKILL (with timers being
     due at that moment), B carries on, A is restarted and rejoins; then every case exists exactly once, is where the
     driver left it (no lost step), is not stuck, and every fired timer recorded exactly one breach.
Python 3 standard library only. Prints a summary and exits 1 on any failed check.
"""
import argparse
import base64
import datetime
import faulthandler
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "Cluster-Pw-1"
ADMIN = ("admin", "Cluster-Admin-1")
USERS = {  # user: group
    "agent": "agents",
    "supervisor": "supervisors",
    "manager": "managers",
    "tech": "dept-tech",
}
NODES = {"A": 18081, "B": 18082}

# the happy path of a MINOR delivery complaint of a tier-C customer (no manager approval), task by task
NEXT = {
    "Task_AssessValidity": "Task_InvestigateComplaint",
    "Task_InvestigateComplaint": "Task_ProposeSolutions",
    "Task_ProposeSolutions": "Task_SelectSolution",
    "Task_SelectSolution": "Task_ImplementSolution",
    "Task_ImplementSolution": "Task_ConfirmWithCustomer",
    "Task_ConfirmWithCustomer": "Task_ReturnVisit",
    "Task_ReturnVisit": "Task_CloseComplaint",
    "Task_CloseComplaint": "END",
}
FORMS = {  # task: (user, form fields)
    "Task_AssessValidity": ("agent", {"complaintValid": True, "validityReason": "物流记录证实延误", "department": "tech"}),
    "Task_InvestigateComplaint": ("tech", {"findings": "仓库漏发"}),
    "Task_ProposeSolutions": ("tech", {"solutionOption1": "补发并赠送优惠券"}),
    "Task_SelectSolution": ("supervisor", {"solutionDecision": "OPTION_1", "leaderInstruction": "同意"}),
    "Task_ImplementSolution": ("tech", {"implementationNotes": "已补发"}),
    "Task_ConfirmWithCustomer": ("agent", {"customerAccepted": True, "acceptanceMethod": "PHONE_RECORDING"}),
    "Task_ReturnVisit": ("agent", {"satisfaction": "SATISFIED", "visitRemarks": "客户满意"}),
    "Task_CloseComplaint": ("supervisor", {"closingCategory": "DELIVERY", "closingSummary": "已解决"}),
}
INVALID = ("agent", {"complaintValid": False, "validityReason": "非本公司责任", "invalidReply": "感谢反馈,经核实..."})
SIDE_TASKS = {"Task_SuperviseResponseBreach", "Task_SuperviseResolutionBreach", "Task_SuperviseOverdueVisit",
              "Task_AcknowledgeSevereComplaint", "Task_AnalyseRootCause"}
TIMERS = {  # timer: (breach type, recording activity, escalation task)
    "Timer_ResponseDeadline": ("RESPONSE", "Task_RecordResponseBreach", "Task_SuperviseResponseBreach"),
    "Timer_ResolutionDeadline": ("RESOLUTION", "Task_RecordResolutionBreach", "Task_SuperviseResolutionBreach"),
    "Timer_ReturnVisitDeadline": ("RETURN_VISIT", "Task_RecordVisitBreach", "Task_SuperviseOverdueVisit"),
}


class NodeDown(Exception):
    """The node did not answer. Refused: the request never arrived. Reset or timed out: it may have taken effect."""

    def __init__(self, msg, maybe_sent):
        super().__init__(msg)
        self.maybe_sent = maybe_sent


class CheckFailed(Exception):
    pass


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ---- nodes ---------------------------------------------------------------------------------------------------------

class Node:
    def __init__(self, name, port, out):
        self.name, self.port, self.out = name, port, out
        self.proc = None
        self.starts = 0

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.starts += 1
        env = dict(os.environ)
        env.update({
            "SERVER_PORT": str(self.port),
            "SPRING_PROFILES_ACTIVE": "mysql",
            "KEFU_DB_URL": os.environ["KEFU_CLUSTER_DB_URL"],
            "KEFU_DB_USER": "kefu",
            "KEFU_DB_PASSWORD": "kefu",
            "KEFU_DB_POOL_SIZE": "10",
            "KEFU_DEMO_ENABLED": "false",
            "CAMUNDA_BPM_ADMIN_USER_ID": ADMIN[0],
            "CAMUNDA_BPM_ADMIN_USER_PASSWORD": ADMIN[1],
            # every case gets a customer of its own; the category-wide repeat rule would add root-cause tasks
            "KEFU_REPEAT_CATEGORY_THRESHOLD": "1000000",
            # a node killed with jobs locked holds them for the lock time (Camunda's default: 5 minutes); a test
            # cannot wait that long. The idle job executor polls at least every 5 s (default: up to 60 s).
            "CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS": "20000",
            "CAMUNDA_BPM_JOBEXECUTION_MAXWAIT": "5000",
        })
        cmd = ["java", "-Xms128m", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", os.environ["KEFU_CLUSTER_JAR"],
               # the job log names the node that executed a job
               f"--camunda.bpm.generic-properties.properties.hostname=node-{self.name}"]
        logfile = open(os.path.join(self.out, f"node-{self.name.lower()}.log"), "ab")
        logfile.write(f"\n==== start #{self.starts} of node {self.name} ====\n".encode())
        logfile.flush()
        self.proc = subprocess.Popen(cmd, env=env, stdout=logfile, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        with open(os.path.join(self.out, f"node-{self.name.lower()}.pid"), "w") as f:
            f.write(str(self.proc.pid))
        log(f"node {self.name} starting (pid {self.proc.pid}, port {self.port})")

    def healthy(self):
        try:
            with urllib.request.urlopen(self.base + "/actuator/health", timeout=3) as r:
                return json.loads(r.read()).get("status") == "UP"
        except Exception:
            return False

    def wait_healthy(self, timeout=240):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise CheckFailed(f"node {self.name} exited with {self.proc.returncode} while starting")
            if self.healthy():
                log(f"node {self.name} is UP")
                return
            time.sleep(1)
        raise CheckFailed(f"node {self.name} not healthy within {timeout}s")

    def kill9(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        log(f"node {self.name} killed with SIGKILL")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(40)
            except subprocess.TimeoutExpired:
                self.proc.kill()


# ---- HTTP ----------------------------------------------------------------------------------------------------------

def auth_header(user):
    name, pw = user if isinstance(user, tuple) else (user, PASSWORD)
    return "Basic " + base64.b64encode(f"{name}:{pw}".encode()).decode()


def call(node, method, path, body=None, user=ADMIN, timeout=30):
    """(status, parsed body). Raises NodeDown when the node does not answer."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(node.base + path, data=data, method=method)
    req.add_header("Authorization", auth_header(user))
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        return e.code, parsed
    except (urllib.error.URLError, ConnectionError, http.client.HTTPException, socket.timeout, TimeoutError) as e:
        reason = getattr(e, "reason", e)
        raise NodeDown(f"{node.name}: {e}", maybe_sent=not isinstance(reason, ConnectionRefusedError)) from e


def expect(node, method, path, body=None, user=ADMIN, status=(200,)):
    code, parsed = call(node, method, path, body, user)
    if code not in status:
        raise CheckFailed(f"{method} {path} on {node.name} as {user if isinstance(user, str) else user[0]}: "
                          f"HTTP {code} {parsed}")
    return parsed


def q(params):
    return urllib.parse.urlencode(params)


def camunda_date(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.000+0000")


# ---- the driver ----------------------------------------------------------------------------------------------------

class Cluster:
    def __init__(self, out):
        self.a = Node("A", NODES["A"], out)
        self.b = Node("B", NODES["B"], out)
        self.nodes = [self.a, self.b]
        self.turn = 0
        self.cases = {}  # complaint id -> case
        self.customers = []
        self.stats = {"requests": {"A": 0, "B": 0}, "failovers": 0, "ambiguous_creates": 0,
                      "ambiguous_creates_committed": 0, "ambiguous_completes": 0, "conflict_retries": 0,
                      "requests_to_A_after_rejoin": 0}
        self.a_rejoined = False
        self.lock = threading.Lock()

    def count(self, key, sub=None):
        with self.lock:
            if sub is None:
                self.stats[key] += 1
            else:
                self.stats[key][sub] += 1

    # -- routing: alternate A/B; a node that does not answer is skipped for that request
    def order(self):
        self.turn += 1
        return self.nodes if self.turn % 2 else self.nodes[::-1]

    def routed(self, method, path, body=None, user=ADMIN, on_down=None):
        """Sends to the next node in turn, fails over to the other one. on_down(node) decides, after a node
        dropped a request that may have taken effect, whether to try again (True) or what the result is."""
        last = None
        for attempt in range(40):
            for node in self.order():
                try:
                    code, parsed = call(node, method, path, body, user)
                    self.count("requests", node.name)
                    if node is self.a and self.a_rejoined:
                        self.count("requests_to_A_after_rejoin")
                    return node, code, parsed
                except NodeDown as e:
                    last = e
                    self.count("failovers")
                    if on_down is not None and method != "GET" and e.maybe_sent:
                        other = self.b if node is self.a else self.a
                        outcome = on_down(other)
                        if outcome is not None:
                            return other, outcome[0], outcome[1]
            time.sleep(0.5)
        raise CheckFailed(f"no node answered {method} {path}: {last}")

    # -- setup
    def create_users(self, node):
        for user, group in USERS.items():
            expect(node, "POST", "/engine-rest/user/create",
                   {"profile": {"id": user, "firstName": user, "lastName": "Cluster", "email": f"{user}@kefu.example"},
                    "credentials": {"password": PASSWORD}}, status=(204,))
            expect(node, "PUT", f"/engine-rest/group/{group}/members/{user}", status=(204,))

    def create_customers(self, n):
        for i in range(n):
            node = self.nodes[i % 2]
            c = expect(node, "POST", "/api/customers",
                       {"name": f"集群测试客户{i:03d}", "type": "MEMBER", "tier": "C",
                        "contacts": [{"name": f"客户{i}", "phone": f"1390000{i:04d}", "title": "本人"}],
                        "region": "上海"}, user="supervisor", status=(201,))
            self.customers.append(c)

    # -- cases
    def open_case(self, label, node=None):
        """Creates a complaint for a customer of its own. A create that a node dropped is looked up by customer on
        the other node before it is sent again, so a lost response never makes a second case."""
        with self.lock:
            customer = self.customers.pop(0)
        body = {"customerCode": customer["code"], "complainantName": "测试", "complainantPhone": "13900000000",
                "channel": "HOTLINE", "category": "DELIVERY", "severity": "MINOR",
                "description": f"{label}: 货品未送达", "customerRequest": "尽快送达"}

        def on_down(other):
            self.count("ambiguous_creates")
            found = expect(other, "GET", f"/api/complaints?{q({'customerId': customer['id']})}", user="supervisor")
            if found["content"]:
                self.count("ambiguous_creates_committed")
                return 201, found["content"][0]
            return None

        if node is not None:
            code, c = call(node, "POST", "/api/complaints", body, "agent")
            served = node
        else:
            served, code, c = self.routed("POST", "/api/complaints", body, "agent", on_down)
        if code != 201:
            raise CheckFailed(f"create complaint for {customer['code']} on {served.name}: HTTP {code} {c}")
        case = {"id": c["id"], "caseNo": c["caseNo"], "pi": c["processInstanceId"], "customerId": customer["id"],
                "label": label, "done": [], "invalid": False, "created_on": served.name, "fired": {}}
        self.cases[c["id"]] = case
        return case

    def expected_task(self, case):
        if not case["done"]:
            return "Task_AssessValidity"
        if case["invalid"]:
            return "END"
        return NEXT[case["done"][-1]]

    def open_tasks(self, node, pi):
        return expect(node, "GET", f"/engine-rest/task?{q({'processInstanceId': pi})}")

    def complete_next(self, case, invalid=False, node=None):
        """Completes the case's next main-path task through the Kefu API (as the user whose task it is)."""
        key = self.expected_task(case)
        if key == "END":
            return None
        user, form = INVALID if invalid and key == "Task_AssessValidity" else FORMS[key]
        state = {}

        def find_task():
            for _ in range(3):
                for n in ([node] if node else []) + self.order():
                    try:
                        code, tasks = call(n, "GET", f"/engine-rest/task?{q({'processInstanceId': case['pi'], 'taskDefinitionKey': key})}")
                        if code == 200:
                            return tasks
                    except NodeDown:
                        continue
                time.sleep(0.5)
            raise CheckFailed("no node answers")

        tasks = find_task()
        if len(tasks) != 1:
            raise CheckFailed(f"case {case['caseNo']}: expected one open {key}, found {len(tasks)}")
        task_id = tasks[0]["id"]
        path = f"/api/tasks/{task_id}/complete"

        def on_down(other):
            state["ambiguous"] = True
            self.count("ambiguous_completes")
            code, t = call(other, "GET", f"/engine-rest/task/{task_id}")
            return (204, None) if code == 404 else None  # gone: the dropped request completed it

        for attempt in range(10):
            if node is not None and attempt == 0:
                code, body = call(node, "POST", path, form, user)
                served = node
            else:
                served, code, body = self.routed("POST", path, form, user, on_down)
            if code in (200, 204):
                break
            if code == 409:
                # already completed (a dropped request of ours went through) or a concurrent change (e.g. a timer
                # touched the complaint): retry while the task is still open
                if not find_task():
                    break
                self.count("conflict_retries")
                time.sleep(0.3)
                continue
            raise CheckFailed(f"complete {key} of {case['caseNo']} on {served.name}: HTTP {code} {body}")
        else:
            raise CheckFailed(f"complete {key} of {case['caseNo']}: still conflicting after 10 tries")
        case["done"].append(key)
        if invalid and key == "Task_AssessValidity":
            case["invalid"] = True
        return served

    # -- timers
    def fire_timers(self, cases, timer_ids=TIMERS.keys(), node=None):
        """Moves the due date of the cases' open SLA timers to now; returns the job ids."""
        now = camunda_date(datetime.datetime.utcnow() - datetime.timedelta(seconds=2))
        by_pi = {c["pi"]: c for c in cases}
        fired = []
        n = node or self.order()[0]
        for timer in timer_ids:
            for job in expect(n, "GET", f"/engine-rest/job?{q({'activityId': timer, 'timers': 'true'})}"):
                case = by_pi.get(job["processInstanceId"])
                if case is None:
                    continue
                for _ in range(5):
                    code, body = call(n, "PUT", f"/engine-rest/job/{job['id']}/duedate", {"duedate": now})
                    if "updated by another transaction concurrently" not in str(body):
                        break
                    # a job executor is locking or running this timer at this moment: try again shortly
                    time.sleep(0.5)
                if code == 204:
                    case["fired"].setdefault(timer, []).append(job["id"])
                    fired.append(job["id"])
                elif "updated by another transaction concurrently" in str(body):
                    # still being run by a node (it was due anyway): the exactly-once checks count its breach
                    if job["id"] not in case["fired"].setdefault(timer, []):
                        case["fired"][timer].append(job["id"])
                        fired.append(job["id"])
                elif code != 404 and "No job found" not in str(body):
                    # the task it guarded was completed meanwhile, which removed the timer (the engine REST
                    # API answers that with 500 "No job found")
                    raise CheckFailed(f"set due date of job {job['id']}: HTTP {code} {body}")
        return fired

    def wait_jobs_gone(self, job_ids, timeout=120):
        deadline = time.time() + timeout
        pending = set(job_ids)
        while pending and time.time() < deadline:
            node = self.order()[0]
            try:
                for job_id in list(pending):
                    code, _ = call(node, "GET", f"/engine-rest/job/{job_id}")
                    if code == 404:
                        pending.discard(job_id)
            except NodeDown:
                pass
            if pending:
                time.sleep(1)
        if pending:
            raise CheckFailed(f"{len(pending)} timer jobs still not executed after {timeout}s: {sorted(pending)[:5]}")

    # -- verification
    def verify_case(self, case, node):
        """Checks one case on one node; returns a list of problems. Also counts executed timers per node."""
        problems = []
        cid, pi, no = case["id"], case["pi"], case["caseNo"]
        code, c = call(node, "GET", f"/api/complaints/{cid}", user="supervisor")
        if code != 200:
            return [f"{no}: GET /api/complaints/{cid} on {node.name}: HTTP {code}"]
        same_customer = expect(node, "GET", f"/api/complaints?{q({'customerId': case['customerId']})}", user="supervisor")
        if same_customer["page"]["totalElements"] != 1:
            problems.append(f"{no}: {same_customer['page']['totalElements']} complaints for its customer (duplicated case)")
        instances = expect(node, "GET", f"/engine-rest/history/process-instance?{q({'processInstanceBusinessKey': no})}")
        if len(instances) != 1 or instances[0]["id"] != pi:
            problems.append(f"{no}: {len(instances)} process instances with its business key")
        # where the driver left it: the last step it was told succeeded is in, and the next one waits
        expected = self.expected_task(case)
        active = [t["taskDefinitionKey"] for t in expect(node, "GET", f"/engine-rest/task?{q({'processInstanceId': pi})}")]
        main = [k for k in active if k not in SIDE_TASKS]
        jobs = expect(node, "GET", f"/engine-rest/job?{q({'processInstanceId': pi})}")
        ended = instances and instances[0].get("state") == "COMPLETED"
        if expected == "END":
            # ended, or only an escalation (of a timer fired meanwhile) still open
            if main or not (ended or active):
                problems.append(f"{no}: should have ended, state {instances[0].get('state') if instances else '?'}, tasks {active}")
            want = "REJECTED" if case["invalid"] else "CLOSED"
            if c["status"] != want:
                problems.append(f"{no}: status {c['status']}, expected {want}")
        else:
            if main != [expected]:
                problems.append(f"{no}: open main tasks {main}, expected [{expected}] after {case['done'][-1:] or 'intake'}")
        if not ended and not active and not jobs:
            problems.append(f"{no}: stuck: running, but no task and no job")
        for key in case["done"]:
            done = expect(node, "GET", f"/engine-rest/history/task?{q({'processInstanceId': pi, 'taskDefinitionKey': key, 'finished': 'true'})}")
            if len(done) != 1:
                problems.append(f"{no}: {key} completed {len(done)} times in history, expected 1")
        incidents = expect(node, "GET", f"/engine-rest/incident?{q({'processInstanceId': pi})}")
        if incidents:
            problems.append(f"{no}: {len(incidents)} incidents: {incidents[0].get('incidentMessage')}")
        # timers: each breach recorded at most once, once per timer run, with one escalation task
        for timer, (breach, record_activity, escalation) in TIMERS.items():
            breaches = sum(1 for b in c["breaches"] if b["type"] == breach)
            runs = len(expect(node, "GET", f"/engine-rest/history/activity-instance?{q({'processInstanceId': pi, 'activityId': record_activity})}"))
            escalations = len(expect(node, "GET", f"/engine-rest/history/task?{q({'processInstanceId': pi, 'taskDefinitionKey': escalation})}"))
            successes = []
            for job_id in case["fired"].get(timer, []):
                successes += expect(node, "GET", f"/engine-rest/history/job-log?{q({'jobId': job_id, 'successLog': 'true'})}")
            if breaches > 1 or runs > 1 or escalations > 1 or len(successes) > 1:
                problems.append(f"{no}: {timer} fired more than once: {breaches} breaches, {runs} runs, "
                                f"{escalations} escalation tasks, {len(successes)} successful job runs")
            elif not (breaches == runs == escalations == len(successes)):
                problems.append(f"{no}: {timer} inconsistent: {breaches} breaches, {runs} runs, {escalations} "
                                f"escalation tasks, {len(successes)} successful job runs")
            for s in successes:
                case.setdefault("fired_by", []).append(s.get("hostname"))
            case.setdefault("breaches", {})[breach] = breaches
        return problems

    def global_counts(self, node):
        complaints = expect(node, "GET", "/api/complaints?size=1", user="supervisor")["page"]["totalElements"]
        instances = expect(node, "GET", f"/engine-rest/history/process-instance/count?{q({'processDefinitionKey': 'complaint-handling'})}")["count"]
        incidents = expect(node, "GET", "/engine-rest/incident/count")["count"]
        failed_jobs = expect(node, "GET", "/engine-rest/job/count?withException=true")["count"]
        return complaints, instances, incidents, failed_jobs


def all_tasks(node, user):
    """Every task /api/tasks shows the user, page by page (the API answers at most 200 a page)."""
    tasks, page = [], 0
    while True:
        answer = expect(node, "GET", f"/api/tasks?size=200&page={page}", user=user)
        tasks += answer["content"]
        page += 1
        if page >= answer["page"]["totalPages"]:
            return tasks


# ---- the checks ----------------------------------------------------------------------------------------------------

def check_cross_node_task(cl, results):
    log("CHECK 1: task created through A, completed through B")
    case = cl.open_case("check1", node=cl.a)
    # /api/tasks answers a page: {content, page}
    mine_b = all_tasks(cl.b, "agent")
    tasks = [t for t in mine_b if t["processInstanceId"] == case["pi"]]
    if [t["taskKey"] for t in tasks] != ["Task_AssessValidity"]:
        raise CheckFailed(f"node B shows agent the tasks {tasks} for case {case['caseNo']} created on A")
    cl.complete_next(case, node=cl.b)
    for node in cl.nodes:
        tech = [t["taskKey"] for t in all_tasks(node, "tech")
                if t["processInstanceId"] == case["pi"]]
        if tech != ["Task_InvestigateComplaint"]:
            raise CheckFailed(f"after completing on B, node {node.name} shows tech {tech}")
        c = expect(node, "GET", f"/api/complaints/{case['id']}", user="supervisor")
        if c["department"] != "tech" or c["valid"] is not True:
            raise CheckFailed(f"node {node.name}: complaint {case['caseNo']} not assessed: {c['status']}")
    results.append(("task created on A completed on B, next task visible on A and B", True, case["caseNo"]))


def check_timers_once(cl, results, n):
    log(f"CHECK 2: {n} response-deadline timers fire exactly once across both job executors")
    cases = [cl.open_case(f"timer{i}") for i in range(n)]
    # half of them also get to the resolution timer (inside the investigation subprocess)
    for case in cases[: n // 2]:
        cl.complete_next(case)
    jobs = cl.fire_timers(cases)
    started = time.time()
    cl.wait_jobs_gone(jobs)
    log(f"{len(jobs)} timers executed in {time.time() - started:.1f}s")
    problems, hosts = [], {}
    for case in cases:
        problems += cl.verify_case(case, cl.order()[0])
        for h in case.get("fired_by", []):
            hosts[h] = hosts.get(h, 0) + 1
    # each case has one timer: the response deadline, or (validity checked) the resolution deadline
    breaches = sum(sum(c["breaches"].values()) for c in cases)
    ok = not problems and breaches == len(jobs)
    for p in problems:
        log("  PROBLEM " + p)
    results.append((f"timers fired exactly once ({len(jobs)} timers, {breaches} breaches, executed by {hosts})", ok,
                    f"{len(problems)} problems"))
    cl.stats["check2_hosts"] = hosts


def check_kill(cl, results, n_cases, max_seconds, workers=3):
    log(f"CHECK 3: kill -9 node A under load ({n_cases} cases by {workers} parallel clients, at most {max_seconds}s)")
    started = time.time()
    stop = threading.Event()
    counter = {"created": 0, "steps": 0}
    lock = threading.Lock()
    errors = []

    def client(w):
        mine = []
        try:
            while not stop.is_set() and time.time() - started < max_seconds:
                with lock:
                    k = counter["created"] if counter["created"] < n_cases else None
                    if k is not None:
                        counter["created"] += 1
                if k is not None:
                    mine.append(cl.open_case(f"load{k}"))
                    with lock:
                        counter["steps"] += 1
                # advance my two oldest open cases one step each; every fifth case is judged invalid
                open_cases = [c for c in mine if cl.expected_task(c) != "END"]
                for case in open_cases[:2]:
                    cl.complete_next(case, invalid=(int(case["label"][4:]) % 5 == 4))  # label load<k>
                    with lock:
                        counter["steps"] += 1
                if k is None and not open_cases:
                    time.sleep(0.5)
        except Exception as e:  # noqa: BLE001 - any failure of a client fails the check
            errors.append(f"client {w}: {e!r}")
            stop.set()

    threads = [threading.Thread(target=client, args=(w,), daemon=True) for w in range(workers)]
    for t in threads:
        t.start()

    def wait_for(cond, what):
        while not cond():
            if stop.is_set() or time.time() - started > max_seconds:
                raise CheckFailed(f"kill test: {what} did not happen: {errors or 'time limit'}")
            time.sleep(0.2)

    fired_at_kill = []
    try:
        wait_for(lambda: counter["created"] >= n_cases // 2, "half of the cases")
        # make timers due, let both job executors grab them, and kill A in the middle of it (and of requests)
        load_cases = [c for c in list(cl.cases.values()) if c["label"].startswith("load")]
        fired_at_kill = cl.fire_timers(load_cases, node=cl.b)
        time.sleep(1.0)
        cl.a.kill9()
        killed = counter["steps"]
        wait_for(lambda: counter["steps"] >= killed + 20, "load on B alone (20 steps)")
        cl.stats["steps_while_A_down"] = counter["steps"] - killed
        cl.a.start()
        restarted = time.time()
        wait_for(cl.a.healthy, "node A healthy again")
        cl.a_rejoined = True
        cl.stats["steps_while_A_down"] = counter["steps"] - killed
        log(f"node A rejoined ({time.time() - restarted:.0f}s after restart; {cl.stats['steps_while_A_down']} steps "
            f"done through B alone meanwhile); load continues on both")
        wait_for(lambda: counter["created"] >= n_cases, "all cases created")
    finally:
        stop.set()
        for t in threads:
            t.join(60)
    if errors:
        raise CheckFailed("; ".join(errors))
    load_seconds = time.time() - started
    log(f"load done in {load_seconds:.0f}s: {counter['created']} cases, requests {cl.stats['requests']}, "
        f"failovers {cl.stats['failovers']}")
    # A serves requests again: cases created through A, their first step completed through B, the next through A
    for k in range(5):
        case = cl.open_case(f"load-rejoin{k}", node=cl.a)
        cl.complete_next(case, node=cl.b)
        cl.complete_next(case, node=cl.a)
        cl.stats["rejoin_cases"] = k + 1
    expect(cl.a, "GET", "/api/tasks", user="agent")
    # every timer still open now fires (also those A had locked when it died: their lock runs out)
    load_cases = [c for c in cl.cases.values() if c["label"].startswith("load")]
    fired_after = cl.fire_timers(load_cases)
    t0 = time.time()
    cl.wait_jobs_gone(fired_at_kill + fired_after, timeout=150)
    log(f"{len(fired_at_kill)} timers fired at the kill, {len(fired_after)} after the restart; all executed "
        f"{time.time() - t0:.0f}s later")
    problems, hosts = [], {}
    for case in load_cases:
        problems += cl.verify_case(case, cl.a)  # verified through the restarted node
        for h in case.get("fired_by", []):
            hosts[h] = hosts.get(h, 0) + 1
    for p in problems:
        log("  PROBLEM " + p)
    breaches = sum(sum(c["breaches"].values()) for c in load_cases)
    ended = sum(1 for c in load_cases if cl.expected_task(c) == "END")
    timers = len(fired_at_kill) + len(fired_after)
    results.append((f"kill -9 of A under load: {len(load_cases)} cases ({ended} ended), every one exactly once and "
                    f"where the driver left it; {timers} timers, {breaches} breaches, executed by {hosts}",
                    not problems, f"{len(problems)} problems"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="target/cluster")
    parser.add_argument("--timer-cases", type=int, default=20)
    parser.add_argument("--kill-cases", type=int, default=40)
    parser.add_argument("--kill-seconds", type=int, default=150)
    parser.add_argument("--parallel-start", action="store_true",
                        help="start both nodes at the same time on the empty database")
    args = parser.parse_args()
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # kill -USR1 <pid>: where is the driver stuck?
    started = time.time()
    cl = Cluster(args.out)
    results = []
    ok = False
    try:
        cl.a.start()
        if not args.parallel_start:
            cl.a.wait_healthy()  # A creates the schema, B joins an initialised database
        cl.b.start()
        cl.a.wait_healthy()
        cl.b.wait_healthy()
        log(f"both nodes up after {time.time() - started:.0f}s")
        cl.create_users(cl.a)
        cl.create_customers(1 + args.timer_cases + args.kill_cases + 5)
        check_cross_node_task(cl, results)
        check_timers_once(cl, results, args.timer_cases)
        check_kill(cl, results, args.kill_cases, args.kill_seconds)
        complaints, instances, incidents, failed_jobs = cl.global_counts(cl.b)
        known = len(cl.cases)
        results.append((f"database: {complaints} complaints, {instances} complaint processes, driver created {known}",
                        complaints == instances == known, ""))
        results.append((f"incidents {incidents}, failed jobs {failed_jobs}", incidents == 0 and failed_jobs == 0, ""))
        ok = all(r[1] for r in results)
    except Exception as e:  # noqa: BLE001 - reported as a failed check
        log(f"FAILED: {e!r}")
        results.append((str(e), False, ""))
    finally:
        for node in cl.nodes:
            node.stop()
    s = cl.stats
    print("\n==== Kefu cluster test summary ====")
    print(f"nodes: A :{NODES['A']} (started {cl.a.starts}x, killed with SIGKILL once), B :{NODES['B']}; one database")
    print(f"cases created: {len(cl.cases)}; requests served: A {s['requests']['A']}, B {s['requests']['B']} "
          f"(after A rejoined: {s.get('rejoin_cases', 0)} cases created and stepped through A); failovers to the other node: {s['failovers']}")
    print(f"steps done through B alone while A was down: {s.get('steps_while_A_down', 0)}")
    print(f"requests dropped by the kill: {s['ambiguous_creates']} creates ({s['ambiguous_creates_committed']} had "
          f"committed, adopted, not resent), {s['ambiguous_completes']} completions; 409 retries: {s['conflict_retries']}")
    for text, passed, detail in results:
        print(f"  [{'PASS' if passed else 'FAIL'}] {text}" + (f" ({detail})" if detail else ""))
    print(f"result: {'PASS' if ok else 'FAIL'} in {time.time() - started:.0f}s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
