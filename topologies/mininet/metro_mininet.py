#!/usr/bin/env python3
"""Start a MetroFabric topology on Mininet with BMv2 switches, or print the ONOS netcfg it implies.

    sudo python3 metro_mininet.py ../metro-2x4.json            # one simple_switch_grpc per switch
    python3 metro_mininet.py ../metro-2x4.json --print-netcfg  # no Mininet needed

Each switch runs `simple_switch_grpc --no-p4 --device-id N ... -- --cpu-port 255
--grpc-server-addr 0.0.0.0:PORT`, so ONOS pushes the metro pipeconf over P4Runtime. Links are
TCLinks with the topology's one-way latency and its capacity scaled by --bw-scale (Mininet's tc
shaping tops out at 1000 Mb/s and BMv2 forwards far less than a real metro link). Hosts get their
address, MAC, a default route via their leaf's gateway (the subnet's first address) and a static
ARP entry for it (the leaf's router MAC).

The topology file must already pass `topology validate`; this script only checks what BMv2 needs
beyond that. --print-netcfg writes the same document as `topology netcfg` (a test checks this).
"""
import argparse
import ipaddress
import json
import math
import os
import sys

DRIVER = "bmv2"
PIPECONF_ID = "org.metrofabric.pipeconf.metro"
FABRIC_CONFIG_KEY = "metrofabric"
MANAGEMENT_HOST = "127.0.0.1"
CPU_PORT = 255
# v1model's egress_spec is 9 bits and BMv2 uses 511 as its drop port.
MAX_BMV2_PORT = 510
MAX_MININET_BW_MBPS = 1000
FIBRE_NANOS_PER_KM = 5000.0


def round_half_up(value):
    """Java's Math.round, so both writers produce the same integers."""
    return int(math.floor(value + 0.5))


def link_latency_nanos(link):
    if "latencyUs" in link:
        return round_half_up(link["latencyUs"] * 1000.0)
    return round_half_up(link["fibreKm"] * FIBRE_NANOS_PER_KM)


def link_capacity_mbps(link):
    return round_half_up(link["capacityGbps"] * 1000.0)


def port_name(device, port):
    return "%s-eth%d" % (device, port)


def connect_point(device, port):
    return "device:%s/%d" % (device, port)


def switches(topo):
    return topo["spines"] + topo["leaves"]


def leaf_by_name(topo):
    return {leaf["name"]: leaf for leaf in topo["leaves"]}


def host_subnet(leaf, host):
    address = ipaddress.ip_interface(host["ip"]).ip
    for subnet in leaf["subnets"]:
        network = ipaddress.ip_network(subnet)
        if address in network:
            return network
    raise SystemExit("hosts: %s (%s) is outside %s's subnets; run `topology validate` first"
                     % (host["name"], host["ip"], leaf["name"]))


def gateway(network):
    return network.network_address + 1


def netcfg(topo):
    """The ONOS netcfg for a topology; mirrors org.metrofabric.topology.netcfg.NetcfgWriter."""
    leaves = leaf_by_name(topo)
    port_speeds = {}
    for link in topo["links"]:
        for end in (link["a"], link["b"]):
            port_speeds.setdefault(end["device"], {})[end["port"]] = link_capacity_mbps(link)
    for host in topo["hosts"]:
        port_speeds.setdefault(host["leaf"], {})[host["port"]] = None

    devices = {}
    for sw in switches(topo):
        ports = {}
        for number in sorted(port_speeds.get(sw["name"], {})):
            port = {"number": number, "name": port_name(sw["name"], number), "enabled": True}
            speed = port_speeds[sw["name"]][number]
            if speed is not None:
                port["speed"] = speed
            ports[str(number)] = port
        fabric = {"routerMac": sw["routerMac"].lower()}
        if sw["name"] in leaves:
            fabric.update({
                "role": "leaf",
                "leafKind": sw["kind"],
                "subnets": [str(ipaddress.ip_network(s)) for s in sw["subnets"]],
                "hostPorts": sorted(h["port"] for h in topo["hosts"] if h["leaf"] == sw["name"]),
            })
        else:
            fabric["role"] = "spine"
        devices["device:" + sw["name"]] = {
            "basic": {
                "name": sw["name"],
                "managementAddress": "grpc://%s:%d?device_id=%d" % (MANAGEMENT_HOST, sw["grpcPort"], sw["deviceId"]),
                "driver": DRIVER,
                "pipeconf": PIPECONF_ID,
            },
            "ports": ports,
            FABRIC_CONFIG_KEY: fabric,
        }

    interfaces = {}
    for host in topo["hosts"]:
        leaf = leaves[host["leaf"]]
        subnet = host_subnet(leaf, host)
        interfaces[connect_point(leaf["name"], host["port"])] = {"interfaces": [{
            "name": port_name(leaf["name"], host["port"]),
            "ips": ["%s/%d" % (gateway(subnet), subnet.prefixlen)],
            "mac": leaf["routerMac"].lower(),
        }]}

    links = {}
    for link in topo["links"]:
        key = connect_point(link["a"]["device"], link["a"]["port"]) + "-" + connect_point(link["b"]["device"], link["b"]["port"])
        links[key] = {"basic": {
            "type": "DIRECT",
            "bandwidth": link_capacity_mbps(link),
            "latency": link_latency_nanos(link),  # ONOS 2.7 BasicLinkConfig: nanoseconds
            "bidirectional": True,
        }}

    hosts = {}
    for host in topo["hosts"]:
        hosts[host["mac"].upper() + "/None"] = {"basic": {
            "name": host["name"],
            "ips": [str(ipaddress.ip_interface(host["ip"]).ip)],
            "locations": [connect_point(host["leaf"], host["port"])],
        }}

    return {"devices": devices, "ports": interfaces, "links": links, "hosts": hosts}


def check_bmv2_limits(topo):
    for link in topo["links"]:
        for end in (link["a"], link["b"]):
            if end["port"] > MAX_BMV2_PORT:
                raise SystemExit("links: %s port %d is beyond BMv2's 9-bit port space (max %d)"
                                 % (end["device"], end["port"], MAX_BMV2_PORT))
    for host in topo["hosts"]:
        if host["port"] > MAX_BMV2_PORT:
            raise SystemExit("hosts: %s port %d is beyond BMv2's 9-bit port space (max %d)"
                             % (host["name"], host["port"], MAX_BMV2_PORT))


def run_mininet(topo, args):
    # Imported here so that --print-netcfg works without Mininet installed.
    from mininet.cli import CLI
    from mininet.link import TCLink
    from mininet.log import info, setLogLevel
    from mininet.net import Mininet
    from mininet.node import Switch
    from mininet.topo import Topo

    setLogLevel("info")
    os.makedirs(args.log_dir, exist_ok=True)
    by_name = {sw["name"]: sw for sw in switches(topo)}

    class Bmv2GrpcSwitch(Switch):
        """A BMv2 simple_switch_grpc process serving P4Runtime for one fabric switch."""

        def __init__(self, name, grpc_port, device_id, **params):
            Switch.__init__(self, name, dpid="%016x" % device_id, **params)
            self.grpc_port = grpc_port
            self.device_id = device_id

        def start(self, controllers):
            ports = " ".join("-i %d@%s" % (self.ports[intf], intf.name)
                             for intf in self.intfList() if intf.name != "lo")
            log = os.path.join(args.log_dir, self.name + ".log")
            command = ("%s --no-p4 --device-id %d %s --thrift-port %d --log-console -- "
                       "--cpu-port %d --grpc-server-addr 0.0.0.0:%d"
                       % (args.bmv2_exe, self.device_id, ports, args.thrift_base + self.device_id,
                          CPU_PORT, self.grpc_port))
            info("*** %s: %s\n" % (self.name, command))
            self.cmd("%s > %s 2>&1 & echo $! > %s.pid" % (command, log, os.path.join(args.log_dir, self.name)))

        def stop(self, deleteIntfs=True):
            self.cmd("kill $(cat %s.pid)" % os.path.join(args.log_dir, self.name))
            Switch.stop(self, deleteIntfs)

    class MetroTopo(Topo):
        def build(self):
            for sw in switches(topo):
                self.addSwitch(sw["name"], cls=Bmv2GrpcSwitch, grpc_port=sw["grpcPort"], device_id=sw["deviceId"])
            for link in topo["links"]:
                bandwidth = min(link_capacity_mbps(link) * args.bw_scale, MAX_MININET_BW_MBPS)
                delay = "%.3fus" % (link_latency_nanos(link) / 1000.0)
                self.addLink(link["a"]["device"], link["b"]["device"], port1=link["a"]["port"],
                             port2=link["b"]["port"], cls=TCLink, bw=bandwidth, delay=delay)
            leaves = leaf_by_name(topo)
            for host in topo["hosts"]:
                subnet = host_subnet(leaves[host["leaf"]], host)
                self.addHost(host["name"], ip=host["ip"], mac=host["mac"].lower(),
                             defaultRoute="via %s" % gateway(subnet))
                self.addLink(host["name"], host["leaf"], port2=host["port"])

    net = Mininet(topo=MetroTopo(), controller=None, autoSetMacs=False)
    net.start()
    leaves = leaf_by_name(topo)
    for host in topo["hosts"]:
        leaf = leaves[host["leaf"]]
        node = net.get(host["name"])
        node.cmd("arp -s %s %s" % (gateway(host_subnet(leaf, host)), leaf["routerMac"].lower()))
    info("*** Push the netcfg to ONOS: python3 %s %s --print-netcfg > netcfg.json; "
         "onos-netcfg localhost netcfg.json\n" % (sys.argv[0], args.topology))
    info("*** Switch gRPC ports: %s\n" % ", ".join("%s=%d" % (n, s["grpcPort"]) for n, s in sorted(by_name.items())))
    try:
        CLI(net)
    finally:
        net.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topology", help="topology JSON file (see topologies/schema)")
    parser.add_argument("--print-netcfg", action="store_true", help="print the ONOS netcfg and exit (no Mininet needed)")
    parser.add_argument("--bmv2-exe", default="simple_switch_grpc", help="BMv2 P4Runtime switch binary")
    parser.add_argument("--bw-scale", type=float, default=0.01,
                        help="Mininet link rate = capacity x this (default 0.01: 10 Gb/s -> 100 Mb/s)")
    parser.add_argument("--thrift-base", type=int, default=9090, help="switch N's Thrift port is this + N")
    parser.add_argument("--log-dir", default="/tmp/metrofabric-bmv2", help="switch logs and pid files")
    args = parser.parse_args(argv)
    with open(args.topology) as source:
        topo = json.load(source)
    if args.print_netcfg:
        json.dump(netcfg(topo), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    check_bmv2_limits(topo)
    run_mininet(topo, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
