import { beforeAll, describe, expect, it } from 'vitest';
import { checkNote } from '../../content/facts/check-note.ts';
import { loadManifestCheck } from '../../content/facts/manifest-check.ts';

// The manifest half loads on demand, as the import and check-notes load it.
beforeAll(async () => {
  await loadManifestCheck();
});

const at = (text: string) => checkNote(text).map((c) => `${c.line}:${c.kind}:${c.id}:${c.said}`);

describe('checkNote: a wrong fact next to its subject', () => {
  it('names the component port the note got wrong, in Korean and English lines', () => {
    const note = [
      '# 포트',
      '* `kubelet`은 `19250` 포트 오픈',
      '* `kube-apiserver`는 `6443` 포트 오픈',
      '- etcd listens on port 2479',
      '| kube-proxy | 10256 |',
    ].join('\n');
    expect(at(note)).toEqual(['2:fact:port.kubelet:19250', '4:fact:port.etcd:2479']);
    const [kubelet] = checkNote(note);
    expect(kubelet).toMatchObject({ column: 15, kubernetes: { en: '10250' } });
    expect(kubelet!.source).toContain('kubernetes.io/docs/reference/networking/ports-and-protocols');
  });

  it('reports a removed insecure port as outdated, not wrong', () => {
    expect(at('| Scheduler | 10251 |\n| Controller-Manager | 10252 |')).toEqual([
      '1:outdated:port.kube-scheduler:10251',
      '2:outdated:port.kube-controller-manager:10252',
    ]);
  });

  it('does not pair a port with the wrong one of two components on a line', () => {
    expect(at('kube-apiserver talks to etcd on 2379 and serves clients on 6443')).toEqual([]);
    expect(at('kubelet 10250, kube-scheduler 10259, kube-controller-manager 10257')).toEqual([]);
  });

  it("names etcd's port for the role said beside it, clients or peers, in Korean and English lines", () => {
    const note = [
      '- etcd clients -> `2380`',
      '- etcd 클라이언트 포트는 2380',
      '- etcd peers -> 2380',
      '- etcd: peers on 2380; clients on 2379',
      '- kube-apiserver talks to etcd on 2380 and serves clients on 6443',
    ].join('\n');
    expect(at(note)).toEqual(['1:fact:port.etcd:2380', '2:fact:port.etcd:2380']);
    const [en, ko] = checkNote(note);
    expect(en!.kubernetes.en).toBe('2379 (clients), 2380 (peers)');
    expect(ko!.kubernetes.ko).toBe('2379 (클라이언트), 2380 (피어)');
  });

  it('checks the NodePort range, also when the subject is a label a few lines up', () => {
    expect(at('NodePort 범위: 3000-32767')).toEqual(['1:fact:range.nodeport:3000-32767']);
    expect(at('***Nodeport:***\n It listens on a node port.\n Valid range: 3000 - 32767')).toEqual([
      '3:fact:range.nodeport:3000 - 32767',
    ]);
    expect(at('NodePort range: 30000-32767')).toEqual([]);
    // As writers spell a range out: between … and …, 부터 … 까지, with the numbers in code spans.
    expect(at('NodePort: All worker nodes map a port between `3000` and `32767` to the service')).toEqual([
      '1:fact:range.nodeport:between `3000` and `32767`',
    ]);
    expect(at('NodePort는 3000부터 32767까지의 포트를 연다')).toEqual([
      '1:fact:range.nodeport:3000부터 32767까지',
    ]);
    expect(at('NodePort: a port between 30000 and 32767 on every node')).toEqual([]);
    expect(
      at('### NodePort\n\nAll worker nodes map a port between `3000` and `32767` to the service.'),
    ).toEqual(['3:fact:range.nodeport:between `3000` and `32767`']);
    expect(at('### NodePort\n\nThe app keeps its sessions for 3000-32767 seconds.')).toEqual([]);
    expect(at('NodePort services answer on ports 80 and 443 of the load balancer')).toEqual([]);
    // Part of the range set aside for one app is a choice, not a mistake.
    expect(at('we give our NodePorts 30080-30090')).toEqual([]);
  });

  it('checks a field whose value is one of a few words', () => {
    expect(
      at('`sessionAffinity: ClusterIP`로 지정하면 동일한 client의 request는 동일한 pod에 전달된다.'),
    ).toEqual(['1:fact:enum.session-affinity:sessionAffinity: ClusterIP']);
    expect(at('- service.spec.sessionAffinity=ClusterIP -> Client의 IP 기반으로 선택')).toEqual([
      '1:fact:enum.session-affinity:sessionAffinity=ClusterIP',
    ]);
    expect(at('    externalTrafficPolicy: Node')).toEqual([
      '1:fact:enum.external-traffic-policy:externalTrafficPolicy: Node',
    ]);
    // The right values, in any case, and a comparison table's yes or no, are not mistakes.
    expect(at('sessionAffinity: ClientIP keeps a client on one Pod; sessionAffinity: None does not')).toEqual(
      [],
    );
    expect(
      at('| sessionAffinity: yes | externalTrafficPolicy: Local | dnsPolicy: ClusterFirstWithHostNet |'),
    ).toEqual([]);
  });

  it('checks a nodePort value however the key is cased', () => {
    expect(at('    nodePort: 3888')).toEqual(['1:fact:value.nodeport:nodePort: 3888']);
    expect(at('    nodePort: 30080')).toEqual([]);
  });

  it('finds the CoreDNS config file written wrong, and leaves the folder it is in alone', () => {
    expect(at('- coreDNS conf file /etc/coreDns')).toEqual(['1:fact:path.corefile:/etc/coreDns']);
    expect(at('CoreDNS 설정 파일: /etc/coredns/Corefile')).toEqual([]);
    expect(at('CoreDNS config is in the /etc/coredns folder')).toEqual([]);
  });

  it('finds CNI and well-known paths written wrong', () => {
    expect(at('--cni-bin-dir=/opt/cin/bin')).toContain('1:fact:path.cni-bin:/opt/cin/bin');
    expect(at('CNI binaries are in /etc/cni/bin')).toEqual(['1:fact:path.cni-bin:/etc/cni/bin']);
    expect(at('5. 없으면 /etc/resov.conf 파일을 확인')).toEqual(['1:fact:path.well-known:/etc/resov.conf']);
    expect(at('static pods live in /etc/kubernetes/manifest')).toEqual([
      '1:fact:path.static-pods:/etc/kubernetes/manifest',
    ]);
    expect(at('ls /opt/cni/bin/ && cat /etc/cni/net.d/10-bridge.conf')).toEqual([]);
    // A static Pod path the learner chose shares nothing with the default: not a slip.
    expect(at('static pods: staticPodPath is /home/me/pods here')).toEqual([]);
  });

  it('finds DNS names with dashes where the dots go, and a Pod name with a dotted IP', () => {
    expect(at('서비스: `{이름}.{namespace}-svc-cluster.local`')).toEqual([
      '1:fact:dns.service:{이름}.{namespace}-svc-cluster.local',
    ]);
    expect(at('curl 10.244.1.5.default.pod.cluster.local')).toEqual([
      '1:fact:dns.pod:10.244.1.5.default.pod.cluster.local',
    ]);
    expect(at('curl web.apps.svc.cluster.local and 10-244-1-5.apps.pod.cluster.local')).toEqual([]);
    // The cluster's own suffix in bold or in quotes is right; a name glued to it with a dash is not.
    expect(
      at('**bservice.aname** 순으로 연결한 다음에 마지막에 **svc.cluster.local**을 붙이면 된다.'),
    ).toEqual([]);
    expect(at('the suffix is "svc.cluster.local" for every Service')).toEqual([]);
    expect(at('curl my-svc.cluster.local')).toEqual(['1:fact:dns.service:my-svc.cluster.local']);
  });

  it('finds a CIDR with five numbers, and a wrong default Service CIDR', () => {
    expect(at('  - Default - 10.0.0.0.0/24')).toEqual(['1:fact:cidr.syntax:10.0.0.0.0/24']);
    expect(at('kubeadm default service CIDR: 10.0.0.0/24')).toEqual([
      '1:fact:cidr.service-default:10.0.0.0/24',
    ]);
    expect(at('kubeadm default service CIDR: 10.96.0.0/12')).toEqual([]);
  });
});

describe('checkNote: what current Kubernetes removed', () => {
  it('reports kubelet CNI flags and --network-plugin, also misspelt', () => {
    expect(at('--network=plugin=cni \\\\')).toEqual([
      '1:outdated:removed.kubelet-network-plugin:--network=plugin',
    ]);
    expect(at('--cni-bin/dir=/opt/cni/bin')).toEqual(['1:outdated:removed.kubelet-cni-flags:--cni-bin/dir']);
    expect(at('kubelet --network-plugin=cni')).toEqual([
      '1:outdated:removed.kubelet-network-plugin:--network-plugin',
    ]);
  });

  it('reports the userspace proxy mode where a note teaches it, not where it compares with it', () => {
    expect(at('## kube-proxy\n1) User-Space\n2) ipvs\n3) iptables (DEFAULT)')).toEqual([
      '2:outdated:removed.kube-proxy-userspace:User-Space',
    ]);
    expect(at('## User space')).toEqual([]);
    expect(at('#### 유저 스페이스 프록시 모드')).toEqual([
      '1:outdated:removed.kube-proxy-userspace:유저 스페이스',
    ]);
    expect(at('---\ntitle: kube-proxy\n---\n#### 유저 스페이스 프록시 모드')).toEqual([
      '4:outdated:removed.kube-proxy-userspace:유저 스페이스',
    ]);
    expect(at('kube-proxy가 iptables 모드이면 userspace 모드와 다르게 재시도하지 않는다')).toEqual([]);
  });

  it('reports removed kubectl flags and apiVersions named in prose', () => {
    expect(at('k get cm coredns -nkube-system --export -oyaml')).toEqual([
      '1:outdated:removed.kubectl-export:k get cm coredns -nkube-system --export',
    ]);
    expect(at('The Ingress uses networking.k8s.io/v1beta1')).toEqual([
      '1:outdated:api.version:Ingress networking.k8s.io/v1beta1',
    ]);
  });

  it('stays quiet on a line that already says the thing was removed or is wrong', () => {
    expect(at('kubelet의 `--network-plugin` 플래그는 Kubernetes 1.24에서 제거되었다.')).toEqual([]);
    expect(at('`extensions/v1beta1` Ingress API는 1.22에서 제거되었다.')).toEqual([]);
    expect(
      at(
        'Can a Service use `nodePort: 8080` with the default API server settings? :: No, it is outside 30000-32767',
      ),
    ).toEqual([]);
  });

  it('does not read URLs: a link to the ports page names every component', () => {
    expect(at('[kubelet](https://kubernetes.io/docs/reference/ports-and-protocols/#19250)')).toEqual([]);
  });
});

describe('checkNote: manifests through the grader', () => {
  it('places unknown fields on the note line and column, in a fence with tab indents', () => {
    const note = [
      'intro',
      '```yaml',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '\tname: web',
      'spec:',
      '\tports:',
      '\t\t- port: 80',
      '\t\t  TargetPort: 8080',
      '```',
    ].join('\n');
    const [c, ...rest] = checkNote(note);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({
      kind: 'manifest',
      id: 'manifest.unknown-field',
      line: 10,
      column: 7,
      said: 'TargetPort: 8080',
      blockLine: 2,
    });
    expect(c!.kubernetes.en).toContain('did you mean targetPort');
    expect(c!.kubernetes.ko).toContain('targetPort');
  });

  it('reads a manifest inside a shell heredoc without judging the shell lines', () => {
    const note = [
      '```bash',
      'cat << EOF | kubectl apply -f -',
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata:',
      '  name: deny',
      'spec:',
      '  podSelector: {}',
      '  policyTypes: [Ingres]',
      'EOF',
      '```',
    ].join('\n');
    expect(at(note)).toEqual(['9:manifest:manifest.schema:policyTypes: [Ingres]']);
  });

  it('splits documents written without ---, and reports a removed apiVersion as outdated', () => {
    const note = [
      '```yaml',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: a',
      '# Ingress',
      'apiVersion: extensions/v1beta1',
      'kind: Ingress',
      'metadata:',
      '  name: b',
      '```',
    ].join('\n');
    expect(at(note)).toEqual(['7:outdated:api.version:apiVersion: extensions/v1beta1']);
  });

  it('leaves out what a note shows as a shape: no name, placeholders, custom resources', () => {
    expect(
      at('```yaml\napiVersion: v1\nkind: Service\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n```'),
    ).toEqual([]);
    expect(
      at('```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: <pod-name>\nspec:\n  ...\n```'),
    ).toEqual([]);
    expect(
      at('```yaml\napiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: p\n```'),
    ).toEqual([]);
  });
});

describe('checkNote: mistypes of a right value', () => {
  it('reports a NodePort range with one bound mistyped, not an app-sized part of it', () => {
    expect(at('NodePort 범위: 30000-32676')).toEqual(['1:fact:range.nodeport:30000-32676']);
    expect(at('we give our NodePorts 30080-30090')).toEqual([]);
  });

  it('reports a misspelt cluster domain, not a domain of its own', () => {
    expect(at('curl web.default.svc.cluser.local')).toEqual([
      '1:fact:dns.service:web.default.svc.cluser.local',
    ]);
    expect(at('curl web.default.svc.corp.internal')).toEqual([]);
  });

  it("reports another kube-proxy mode called the default, not iptables's own line", () => {
    expect(at('kube-proxy mode: ipvs (default)')).toEqual(['1:fact:default.kube-proxy-mode:ipvs (default']);
    expect(at('## kube-proxy\n3) iptables (DEFAULT)')).toEqual([]);
    expect(at('kube-proxy의 기본 모드는 iptables, ipvs는 선택')).toEqual([]);
  });
});
