// The Docker Swarm stack of examples/docker-swarm/stack.cpp, written with the AWS CDK as a CDK
// user would write it with L1 constructs only (the Cfn* classes, one per CloudFormation resource):
// the peer that benchmarks/run times against cfnpp. Same resources, same logical IDs, same
// properties as tests/docker_swarm/golden.template.json; no bootstrap version parameter or rule.
//
//   node dist/app.js            the CDK's defaults: built-in CloudFormation validation, construct
//                               stack traces, tree metadata, version (analytics) reporting
//   node dist/app.js --lean     the same template with all of those switched off
//
// Either way the template is written to cdk.out/DockerSwarm.template.json (CDK_OUTDIR overrides
// the directory, as the CDK CLI does).
import * as fs from 'fs';
import * as path from 'path';
import { App, AppProps, Aws, CfnMapping, CfnOutput, CfnParameter, DefaultStackSynthesizer, Fn, Stack } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';

const lean = process.argv.includes('--lean');

// The knobs aws-cdk-lib offers to skip work that does not change the template (core/lib/app.d.ts).
const leanProps: AppProps = {
  builtinCloudFormationValidation: false,  // also: CDK_VALIDATION=false, or `cdk synth --no-validation`
  stackTraces: false,                      // no construct creation stack trace per construct
  treeMetadata: false,                     // no tree.json in cdk.out
  analyticsReporting: false,               // no AWS::CDK::Metadata resource (version reporting)
  performanceReporting: false,
};

// 1. Settings (as in swarm.hpp and the modules) ----------------------------------------------------------------------

const environment = 'MyEnvironment-';
const cloudWatchIdentifier = 'Stack2';
const instanceTypeMaster = 't2.micro';
const instanceTypeWorker = 't2.micro';
const desiredCapacity = 1;
const minSize = 1;
const maxSize = 3;
const labels = ['web'];
const vpcCidr = '192.168.0.0/16';

// The cloud-init scripts of the example, read when the app runs (CDK apps have no build-time embedding).
const userDataDir = process.env.SWARM_USERDATA_DIR ?? path.join(__dirname, '..', '..', '..', '..', 'examples', 'docker-swarm', 'userdata');
const managerUserData = fs.readFileSync(path.join(userDataDir, 'manager.txt'), 'utf8');
const workerUserData = fs.readFileSync(path.join(userDataDir, 'worker.txt'), 'utf8');

const subnets = [
  { name: 'Subnet1', cidr: '192.168.0.0/20', zone: 0, manager: { name: 'MasterA', privateIp: '192.168.0.250' } },
  { name: 'Subnet2', cidr: '192.168.16.0/20', zone: 1, manager: { name: 'MasterB', privateIp: '192.168.16.250' } },
  { name: 'Subnet3', cidr: '192.168.32.0/20', zone: 2, manager: { name: 'MasterC', privateIp: '192.168.32.250' } },
];

interface PortRule { name: string; cidr: string; protocol: string; fromPort?: number; toPort?: number }
const securityMasterIngress: PortRule[] = [
  { name: 'DockerClusterManagementCommunications', cidr: vpcCidr, protocol: 'tcp', fromPort: 2376, toPort: 2377 },
  { name: 'DockerForCommunicationAmongNodesTcp', cidr: vpcCidr, protocol: 'tcp', fromPort: 7946, toPort: 7946 },
  { name: 'DockerForCommunicationAmongNodesUdp', cidr: vpcCidr, protocol: 'udp', fromPort: 7946, toPort: 7946 },
  { name: 'DockerForOverlayNetworkTraffic', cidr: vpcCidr, protocol: 'udp', fromPort: 4789, toPort: 4789 },
  { name: 'ssh', cidr: '0.0.0.0/0', protocol: 'tcp', fromPort: 22, toPort: 22 },
  { name: 'http64000', cidr: vpcCidr, protocol: 'tcp', fromPort: 64000, toPort: 64000 },
];
const securityWorkerIngress: PortRule[] = [
  { name: 'DockerForCommunicationAmongNodesTcp', cidr: vpcCidr, protocol: 'tcp', fromPort: 7946, toPort: 7946 },
  { name: 'DockerForCommunicationAmongNodesUdp', cidr: vpcCidr, protocol: 'udp', fromPort: 7946, toPort: 7946 },
  { name: 'DockerForOverlayNetworkTraffic', cidr: vpcCidr, protocol: 'udp', fromPort: 4789, toPort: 4789 },
  { name: 'ssh', cidr: '0.0.0.0/0', protocol: 'tcp', fromPort: 22, toPort: 22 },
  { name: 'testdocker', cidr: '0.0.0.0/0', protocol: 'tcp', fromPort: 5000, toPort: 5001 },
];
const allEgress: PortRule[] = [{ name: 'Input', cidr: '0.0.0.0/0', protocol: '-1' }];

const scalingRules = [
  { direction: 'Up', adjustment: +1, threshold: 4000000, comparison: 'GreaterThanOrEqualToThreshold',
    description: 'Alarm if Network out is > 4.000.000' },
  { direction: 'Down', adjustment: -1, threshold: 1000000, comparison: 'LessThanOrEqualToThreshold',
    description: 'Alarm if Network is < 1.000.000' },
];

const regionAmis: Record<string, string> = {
  'ap-northeast-1': 'ami-0db5e3bbe2078a731', 'ap-northeast-2': 'ami-075032002acdd86c1',
  'ap-south-1': 'ami-0e3580f2ef2ac1b35', 'ap-southeast-1': 'ami-05c307e74695be084',
  'ap-southeast-2': 'ami-019984b2b1720aed2', 'ca-central-1': 'ami-0568312bcb6cecafd',
  'eu-central-1': 'ami-06eba3da8c195f5b5', 'eu-north-1': 'ami-0352d9627d9083ef7',
  'eu-west-1': 'ami-0ba84fc44e8b9291d', 'eu-west-2': 'ami-02af97328e5ae4372',
  'eu-west-3': 'ami-024b178b0225b27fc', 'sa-east-1': 'ami-057e84cdd1a8dc0d0',
  'us-east-1': 'ami-02b9a589195146a8f', 'us-east-2': 'ami-07d3a7fd8a0333db9',
  'us-west-1': 'ami-0f351bdaf5c25b538', 'us-west-2': 'ami-003c5247665391546',
};

const nameTag = (name: string) => ({ key: 'Name', value: environment + name });

function securityRules(table: PortRule[]) {
  return table.map((r) => ({ cidrIp: r.cidr, description: r.name, ipProtocol: r.protocol, fromPort: r.fromPort, toPort: r.toPort }));
}

// The stack -------------------------------------------------------------------------------------------

function dockerSwarm(app: App): Stack {
  const s = new Stack(app, 'DockerSwarm', {
    description: "Docker Swarm on AWS: a VPC with three public subnets, a manager node with a static IP in each, " +
      "and an auto scaling group of worker nodes per label (from the post 'Docker Swarm con AWS - Parte 1').",
    synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
  });

  // 2. Parameter and AMI map
  const keyPair = new CfnParameter(s, 'KeyPairName', { type: 'AWS::EC2::KeyPair::KeyName', description: 'Key used with SSH' });
  const regionMap = new CfnMapping(s, 'RegionMap', {
    mapping: Object.fromEntries(Object.entries(regionAmis).map(([region, ami]) => [region, { AMI: ami }])),
  });
  const amazonLinux2 = regionMap.findInMap(Aws.REGION, 'AMI');

  // 3. IAM
  const rootRole = new iam.CfnRole(s, 'RootRole', {
    assumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
    },
    managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM',
                        'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser'],
    path: '/',
    policies: [
      { policyName: 'CWMyLogPolicy', policyDocument: { Version: '2012-10-17', Statement: [{
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        Resource: ['arn:aws:logs:*:*:*'],
      }] } },
      { policyName: 'GitPolicy', policyDocument: { Version: '2012-10-17', Statement: [
        { Effect: 'Allow', Action: ['codecommit:ListRepositories'], Resource: ['*'] },
        { Effect: 'Allow', Action: ['codecommit:GitPull'],
          Resource: [Fn.sub('arn:aws:codecommit:${AWS::Region}:${AWS::AccountId}:AwsCodeTest')] },
      ] } },
    ],
  });
  const rootInstanceProfile = new iam.CfnInstanceProfile(s, 'RootInstanceProfile', { path: '/', roles: [rootRole.ref] });

  // 4. Network
  const vpc = new ec2.CfnVPC(s, 'VPC', {
    cidrBlock: vpcCidr, enableDnsHostnames: true, enableDnsSupport: true, tags: [nameTag('VPC')],
  });
  const subnetResources = subnets.map((subnet) => new ec2.CfnSubnet(s, subnet.name, {
    availabilityZone: Fn.select(subnet.zone, Fn.getAzs()),
    cidrBlock: subnet.cidr,
    mapPublicIpOnLaunch: true,
    tags: [nameTag(subnet.name)],
    vpcId: vpc.ref,
  }));
  const internetGateway = new ec2.CfnInternetGateway(s, 'InternetGateway', { tags: [nameTag('Internet-Gateway')] });
  const attachGateway = new ec2.CfnVPCGatewayAttachment(s, 'AttachGateway', {
    internetGatewayId: internetGateway.ref, vpcId: vpc.ref,
  });
  const publicRouteTable = new ec2.CfnRouteTable(s, 'PublicRouteTable', { tags: [nameTag('Public-Routes')], vpcId: vpc.ref });
  const route = new ec2.CfnRoute(s, 'Route', {
    destinationCidrBlock: '0.0.0.0/0', gatewayId: internetGateway.ref, routeTableId: publicRouteTable.ref,
  });
  route.addResourceDependency(attachGateway);
  subnetResources.forEach((subnet, i) => new ec2.CfnSubnetRouteTableAssociation(s, 'SubnetRouteTableAssociation' + subnets[i].name, {
    routeTableId: publicRouteTable.ref, subnetId: subnet.ref,
  }));

  // 5. Security groups
  const idPrefix = environment.replace(/-/g, '');
  const masterSecurityGroup = new ec2.CfnSecurityGroup(s, idPrefix + 'CustomSecurityGroupIngressMaster', {
    groupDescription: 'CustomSecurity Group Ingress Master',
    securityGroupEgress: securityRules(allEgress),
    securityGroupIngress: securityRules(securityMasterIngress),
    tags: [nameTag('CustomSecurityGroupIngressMaster')],
    vpcId: vpc.ref,
  });
  const workerSecurityGroup = new ec2.CfnSecurityGroup(s, idPrefix + 'CustomSecurityGroupIngressWorker', {
    groupDescription: 'CustomSecurity Group Ingress Worker',
    securityGroupEgress: securityRules(allEgress),
    securityGroupIngress: securityRules(securityWorkerIngress),
    tags: [nameTag('CustomSecurityGroupIngressWorker')],
    vpcId: vpc.ref,
  });

  // 6. Managers
  const ipPrivateList = subnets.map((subnet) => subnet.manager.privateIp).join(' ');
  const managers = subnets.map((subnet, i) => new ec2.CfnInstance(s, subnet.manager.name, {
    iamInstanceProfile: rootInstanceProfile.ref,
    imageId: amazonLinux2,
    instanceType: instanceTypeMaster,
    keyName: keyPair.valueAsString,
    privateIpAddress: subnet.manager.privateIp,
    securityGroupIds: [masterSecurityGroup.ref],
    subnetId: subnetResources[i].ref,
    tags: [nameTag(subnet.manager.name)],
    userData: Fn.base64(Fn.sub(managerUserData, {
      IpPrivateList: ipPrivateList,
      NameMaster: subnet.manager.name,
      CloudWatchIdentifier: cloudWatchIdentifier,
    })),
  }));

  // 6b. An EC2 auto-recovery alarm per manager (managers.cpp)
  managers.forEach((manager, i) => new cloudwatch.CfnAlarm(s, 'AlarmRecovery' + subnets[i].manager.name, {
    alarmActions: [Fn.sub('arn:aws:automate:${AWS::Region}:ec2:recover')],
    alarmDescription: 'Recovery ' + subnets[i].manager.name,
    comparisonOperator: 'GreaterThanThreshold',
    dimensions: [{ name: 'InstanceId', value: manager.ref }],
    evaluationPeriods: 5,
    metricName: 'StatusCheckFailed_System',
    namespace: 'AWS/EC2',
    period: 60,
    statistic: 'Maximum',
    threshold: 0,
  }));

  // 7. Workers, per label
  for (const label of labels) {
    const launchConfiguration = new autoscaling.CfnLaunchConfiguration(s, 'LaunchConfiguration' + label, {
      blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 8 } }],
      iamInstanceProfile: rootInstanceProfile.ref,
      imageId: amazonLinux2,
      instanceType: instanceTypeWorker,
      keyName: keyPair.valueAsString,
      securityGroups: [workerSecurityGroup.ref],
      userData: Fn.base64(Fn.sub(workerUserData, { IpPrivateList: ipPrivateList, Label: label })),
    });
    const group = new autoscaling.CfnAutoScalingGroup(s, 'AutoscalingGroup' + label, {
      cooldown: '300',
      desiredCapacity: String(desiredCapacity),
      healthCheckGracePeriod: 300,
      healthCheckType: 'EC2',
      launchConfigurationName: launchConfiguration.ref,
      maxSize: String(maxSize),
      minSize: String(minSize),
      tags: [{ key: 'Name', propagateAtLaunch: true, value: environment + 'AutoscalingGroup' + label }],
      vpcZoneIdentifier: subnetResources.map((subnet) => subnet.ref),
    });
    group.cfnOptions.updatePolicy = {
      autoScalingReplacingUpdate: { willReplace: true },
      autoScalingRollingUpdate: { maxBatchSize: 1, minInstancesInService: 1, pauseTime: 'PT5M', waitOnResourceSignals: true },
    };
    for (const rule of scalingRules) {
      const policy = new autoscaling.CfnScalingPolicy(s, 'HTTPRequestScalingPolicy' + rule.direction + label, {
        adjustmentType: 'ChangeInCapacity',
        autoScalingGroupName: group.ref,
        cooldown: '300',
        scalingAdjustment: rule.adjustment,
      });
      new cloudwatch.CfnAlarm(s, 'HTTPRequestAlarm' + rule.direction + label, {
        alarmActions: [policy.ref],
        alarmDescription: rule.description,
        comparisonOperator: rule.comparison,
        dimensions: [{ name: 'AutoScalingGroupName', value: group.ref }],
        evaluationPeriods: 1,
        metricName: 'NetworkOut',
        namespace: 'AWS/EC2',
        period: 60,
        statistic: 'Average',
        threshold: rule.threshold,
      });
    }
  }

  // 8. Outputs. Construct IDs are unique per scope and outputs share it with resources, so an output
  // named like a resource (VPC, Subnet1) gets another construct ID and its logical ID back by override.
  new CfnOutput(s, 'OutputVPC', { value: vpc.ref, description: 'A reference to the created VPC' }).overrideLogicalId('VPC');
  managers.forEach((manager, i) => {
    const name = subnets[i].manager.name;
    new CfnOutput(s, 'OutputPublicIP' + name, {
      value: manager.attrPublicIp,
      description: 'Public IP address of the newly created EC2 instance: ' + name,
    }).overrideLogicalId('PublicIP' + name);
  });
  subnetResources.forEach((subnet, i) => {
    new CfnOutput(s, 'Output' + subnets[i].name, {
      value: subnet.ref,
      description: 'A reference to the public subnet in the availability Zone',
    }).overrideLogicalId(subnets[i].name);
  });
  return s;
}

const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out', ...(lean ? leanProps : {}) });
dockerSwarm(app);
app.synth();
